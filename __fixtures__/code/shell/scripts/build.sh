#!/bin/sh
docker build --build-arg AWS_SECRET_ACCESS_KEY="$AWS_SECRET_ACCESS_KEY" -t app .
terraform apply -var "secret_key=${AWS_SECRET_ACCESS_KEY}"
export S3_SECRET=$AWS_SECRET_ACCESS_KEY
echo "S3_SECRET=$AWS_SECRET_ACCESS_KEY" >> "$GITHUB_ENV"
