// E3216: scaling schedules whose expressions Application Auto Scaling refuses, that change
// nothing, or whose bounds are reversed; the last three are fine.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
  subnet b { cidr = "10.0.2.0/24"  zone = "us-east-1b" }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
}

task api {
  cpu    = 256
  memory = 512
  container app { image = "public.ecr.aws/nginx/nginx:1.27" }
}

cluster prod {
  service api {
    task      = api
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min = 1
      max = 4
      cpu = 60
      schedule five_fields  { expression = "cron(0 20 * * ?)"  max = 2 }
      schedule both_days    { expression = "cron(0 20 * * * *)"  max = 2 }
      schedule plural_one   { expression = "rate(1 days)"  max = 2 }
      schedule singular     { expression = "rate(2 hour)"  max = 2 }
      schedule unix         { expression = "0 20 * * *"  max = 2 }
      schedule nothing      { expression = "rate(1 day)" }
      schedule reversed     { expression = "rate(1 day)"  min = 3  max = 2 }
      schedule nights       { expression = "cron(0 20 * * ? *)"  timezone = "Europe/Paris"  max = 1 }
      schedule mornings     { expression = "cron(0 7 ? * MON-FRI *)"  min = 2 }
      schedule launch       { expression = "at(2026-12-24T18:00:00)"  min = 4  max = 4 }
    }
  }
}
