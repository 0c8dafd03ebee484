// E3009: ECR has no gateway endpoint; only S3 and DynamoDB do.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }

  route_table private { subnets = [private_a] }

  endpoint s3  { service = "s3"  route_tables = [private] }
  endpoint ecr { service = "ecr.dkr"  type = gateway  route_tables = [private] }
}
