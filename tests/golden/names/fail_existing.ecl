// What a block made elsewhere cannot be: an identifier of another form or region (E3412), an
// attribute or a block that would change it, an attribute only AWS knows (E3413).
stack shop { region = "us-east-1" }

vpc shared {
  existing    = "vpc-123"
  cidr        = "10.20.0.0/16"
  dns_support = false

  subnet app_a { existing = "subnet-0aaa1111bbbb22223"  cidr = "10.20.1.0/24"  zone = "us-east-1a"  tags = { a = "b" } }
  subnet app_b { existing = "subnet-0ccc3333dddd44445"  cidr = "10.20.2.0/24"  zone = "us-east-1b" }
  security_group lb {
    existing = "sg-0123456789abcdef0"
    ingress { port = 80  from = "0.0.0.0/0" }
  }
}

role app_role {
  existing   = "arn:aws:iam::123456789012:role/shop-app"
  statements = [{ actions = ["s3:GetObject"], resources = ["*"] }]
}

cluster platform {
  existing = "arn:aws:ecs:eu-west-1:123456789012:cluster/platform"
  ec2_capacity workers {
    instance_type = "t3.small"
    subnets       = [shared.app_a]
    min           = 1
    max           = 2
  }
}

cluster named {
  existing = "platform"
}

output zone = shared.app_a.zone_id

// Made elsewhere, inside a VPC this program makes.
vpc mine {
  cidr = "10.30.0.0/16"
  subnet foreign { existing = "subnet-0aaa1111bbbb22224"  cidr = "10.30.1.0/24"  zone = "us-east-1a" }
}
