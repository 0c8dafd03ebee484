// Graviton instances (`m6g.large`, a param) without `ami` boot the arm64 ECS-optimized image, and
// run the arm64 task.
param itype: string = "m6g.large"

stack e { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet pub_a  { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet priv_a { cidr = "10.0.2.0/24"  zone = "us-east-1a" }
  subnet priv_b { cidr = "10.0.3.0/24"  zone = "us-east-1b" }
  internet_gateway igw {}
  nat_gateway nat { subnet = pub_a }
  route_table pub {
    subnets = [pub_a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table priv {
    subnets = [priv_a, priv_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }
}

task api {
  compatibilities  = [ec2]
  network_mode     = bridge
  cpu_architecture = arm64
  cpu              = 1vcpu
  memory           = 1GiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  port = 80 }
}

cluster c {
  capacity = [graviton]
  ec2_capacity graviton {
    instance_type = itype
    min           = 1
    max           = 3
    subnets       = [main.priv_a, main.priv_b]
  }
  service api {
    task    = api
    desired = 2
  }
}
