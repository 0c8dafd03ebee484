// One AWS name given twice where AWS wants it unique (E3411): two containers of a task (one by
// default), two security groups of a VPC, two clusters, two target groups, two roles (IAM ignores
// case). Security groups of different VPCs may share a name. A name the program gives that the
// plan makes for another block: a target group's, a security group's, a task's execution role's.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  security_group web { name = "web" }
  security_group www { name = "web" }
  target_group a { name = "shop-web"  port = 80 }
  target_group b { name = "shop-web"  port = 81 }
  target_group api { port = 82 }
  target_group api2 { name = "shop-main-api"  port = 83 }
  security_group plain {}
  security_group plain2 { name = "shop-main-plain" }
}

vpc other {
  cidr = "10.1.0.0/16"
  security_group web { name = "web" }
}

role app {
  name       = "shop-app"
  assumed_by = ["ecs-tasks.amazonaws.com"]
}
role deploy {
  name       = "shop-api-execution"
  assumed_by = ["ecs-tasks.amazonaws.com"]
}
role app2 {
  name       = "Shop-App"
  assumed_by = ["ecs-tasks.amazonaws.com"]
}

task api {
  cpu    = 256
  memory = 512
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
  container proxy {
    name      = "web"
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = false
  }
}

cluster prod { name = "shop" }
cluster staging { name = "shop" }
