package internal

import "github.com/aws/aws-sdk-go-v2/credentials"

// Provider is wired to a long-lived test key.
var Provider = credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "secret", "")
