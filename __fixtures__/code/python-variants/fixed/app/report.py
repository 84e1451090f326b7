import os
from os import getenv

import boto3
import botocore.session

s3 = boto3.resource(
    "s3",
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],  # the CI keys
    aws_session_token=os.environ.get("AWS_SESSION_TOKEN"),
    region_name="eu-west-1",
)
session = boto3.Session(aws_access_key_id=getenv("AWS_ACCESS_KEY_ID"), aws_secret_access_key=getenv("AWS_SECRET_ACCESS_KEY"), aws_session_token=getenv("AWS_SESSION_TOKEN"))
already = boto3.client(
    "sts",
    aws_access_key_id=os.getenv("AWS_ACCESS_KEY_ID"),
    aws_secret_access_key=os.getenv("AWS_SECRET_ACCESS_KEY"),
    aws_session_token=os.getenv("AWS_SESSION_TOKEN"),
)
core = botocore.session.get_session().create_client(
    "sqs", aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID"), aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY"), aws_session_token=os.environ.get("AWS_SESSION_TOKEN")
)
