// Spacing, alignment and the breaking of long lists: every rule of the canonical layout once.


param   env : string= "prod"   // trailing comments stay on their line
param zones: list<string> = ["us-east-1a","us-east-1b"]
let x=-1+ 2*(3-  4)
let long_name = x > 1 ? !true : false
let subnets = cidrsubnet( "10.0.0.0/16" , 8 , 0 )
let tags = { team = "platform", "cost-center" = "cc-1", }
let images = ["public.ecr.aws/nginx/nginx:1.27", "public.ecr.aws/docker/library/redis:7.2", "busybox"]

stack demo { region = "us-east-1" description = "${env}-demo" }
vpc main { cidr = "10.0.0.0/16"
  subnet a { cidr = cidrsubnet(main.cidr, 8, 0) zone = zones[0] public = true }



  internet_gateway igw {}
  route_table public { subnets = [a]
    route { destination = "0.0.0.0/0" target = igw } }
}
output first = main.a.cidr
output arn = main.id
