import boto3

import settings

literal = boto3.client("s3", aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
configured = boto3.client(
    "s3",
    aws_access_key_id=settings.KEY_ID,
    aws_secret_access_key=settings.SECRET,
)
aws_access_key_id = "not a call"
default_chain = boto3.client("s3", aws_access_key_id=None, aws_secret_access_key=None)
