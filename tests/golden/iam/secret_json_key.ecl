// A Secrets Manager secret read by JSON key (`…:secret:db-AbCdEf:username::`) is authorized on the
// secret's own ARN: the execution role's policy names `…:secret:db-AbCdEf` once for both keys, and
// the other secrets and the SSM parameter as written.
stack sec { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table rt {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image   = "public.ecr.aws/nginx/nginx:1.27"
    secrets = {
      DB_USER = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:username::",
      DB_PASS = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password:AWSCURRENT:",
      TOKEN   = "arn:aws:secretsmanager:us-east-1:123456789012:secret:token-GhIjKl",
      API_KEY = "arn:aws:ssm:us-east-1:123456789012:parameter/shop/api-key",
      OTHER   = "shop-token",
    }
  }
}

cluster c {
  service api {
    task      = api
    subnets   = [main.a, main.b]
    public_ip = true
  }
}
