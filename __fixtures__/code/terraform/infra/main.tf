variable "access_key" {}
variable "secret_key" {}

provider "aws" {
  region     = "eu-west-1"
  access_key = var.access_key
  secret_key = var.secret_key # fed by TF_VAR_secret_key
}
