// An ECR repository with every setting (KMS encryption, scan on push, immutable tags and a
// lifecycle policy of each kind of rule), one with AWS's defaults, and a task whose image is in the
// first: its generated execution role pulls it, and its task role may push to it.
stack shop {
  region = "us-east-1"
  tags   = { team = "shop" }
}

repository api {
  name           = "shop/api"
  scan_on_push   = true
  tag_mutability = immutable
  encryption     = kms
  kms_key        = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  lifecycle = [
    {
      priority     = 1,
      description  = "keep the last 10 releases",
      tag_status   = tagged,
      tag_prefixes = ["v"],
      count_type   = image_count_more_than,
      count        = 10,
    },
    {
      priority     = 2,
      tag_status   = tagged,
      tag_patterns = ["pr-*"],
      count_type   = since_image_pushed,
      count        = 7,
    },
    { priority = 3, tag_status = untagged, count_type = since_image_pushed, count = 1 },
    { priority = 10, tag_status = any, count_type = image_count_more_than, count = 100 },
  ]
  tags = { app = "api" }
}

repository tools {}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
}

role builder {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [{
    actions   = ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"],
    resources = [api.arn, tools.arn],
  }]
}

task web {
  cpu       = 0.25vcpu
  memory    = 512MiB
  task_role = builder
  container app {
    image = "${api.uri}:1.4"
  }
}

cluster prod {
  service web {
    task      = web
    subnets   = [main.a]
    public_ip = true
  }
}

output api_uri = api.uri
