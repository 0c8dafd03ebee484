// A syntax error in a module's file is reported once per instance, at its line; the arguments
// and outputs of the instances are not judged (the parser's repairs may have lost the params).
stack shop {
  region = "us-east-1"
}

cluster apps {}

module web {
  source  = "./modules/svc"
  cluster = apps
  image   = "nginx:1.27"
}

output web_family = web.family
