// Resources made elsewhere: a service deployed into the VPC, subnets, security group, cluster,
// target group and task role another team owns; the program makes only its own security group,
// task definition (and its execution role and log group) and service.
stack shop { region = "us-east-1" }

vpc shared {
  existing = "vpc-0a1b2c3d4e5f67890"
  cidr     = "10.20.0.0/16"

  subnet app_a { existing = "subnet-0aaa1111bbbb22223"  cidr = "10.20.1.0/24"  zone = "us-east-1a" }
  subnet app_b { existing = "subnet-0ccc3333dddd44445"  cidr = "10.20.2.0/24"  zone = "us-east-1b" }
  security_group lb { existing = "sg-0123456789abcdef0" }
  // The platform team's NFS group (its rules are theirs: E3144 does not judge them).
  security_group nfs { existing = "sg-0123456789abcdef1" }

  target_group web {
    existing = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"
    port     = 8080
  }

  security_group app {
    ingress { port = 8080  from = lb }
  }
}

role app_role { existing = "arn:aws:iam::123456789012:role/teams/shop/shop-app" }

file_system data {
  subnets         = [shared.app_a, shared.app_b]
  security_groups = [shared.nfs]
}

cluster platform {
  existing = "arn:aws:ecs:us-east-1:123456789012:cluster/platform"

  service api {
    task            = api
    desired         = 2
    subnets         = [shared.app_a, shared.app_b]
    security_groups = [shared.app]
    load_balancers  = [{ target_group = shared.web, container = "app", port = 8080 }]
  }
}

task api {
  cpu       = 256
  memory    = 512MiB
  task_role = app_role
  volumes   = [{ name = "data", efs = data }]
  container app {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    ports        = [8080]
    mount_points = [{ volume = "data", path = "/data" }]
  }
}

output vpc_id = shared.id
output target_group = shared.web.full_name
output api_in = "${shared.app_a.id},${shared.app_b.id}"
