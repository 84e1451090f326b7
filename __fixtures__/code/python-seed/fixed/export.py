import os

import boto3

# Upload the nightly export.
client = boto3.client('s3',
  aws_access_key_id=os.getenv('AWS_ACCESS_KEY_ID'),
  aws_secret_access_key=os.getenv('AWS_SECRET_ACCESS_KEY'),
  aws_session_token=os.getenv('AWS_SESSION_TOKEN'))
client.upload_file('export.csv', 'exports', 'export.csv')
