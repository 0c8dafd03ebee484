// Applied on moto (apply_moto_examples, cfn_deploy). A literal `${` (written `\${`) in every
// kind of text the program hands to AWS that may hold one (ECS tags may not: no `$`): a plan
// writes it `$${`, so that apply never reads it as a placeholder, also inside an IAM policy
// document and as a condition's key; the template writes it `${!` where Fn::Sub reads it.
// apply_test.check_literals reads each back as written. Found by a new-user run:
// an SSM parameter named with `\${ENV}` in `secrets` stopped apply at the execution role's
// policy (`placeholder ${ENV} names no step`).
stack literal { region = "us-east-1" }

vpc main {
  cidr = "10.4.0.0/16"
  tags = { note = "built by \${CI}" }
  subnet a {
    cidr = cidrsubnet(main.cidr, 8, 0)
    zone = "us-east-1a"
    public = true
    tags   = { note = "a \${X}" }
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group web {
    description = "Web \${PORT}"
    ingress { port = 80  from = main.cidr  description = "HTTP \${FROM}" }
    tags = { note = "web \${Y}" }
  }
}

task app {
  cpu    = 0.25vcpu
  memory = 512MiB
  execution_statements = [{ actions = ["ssm:GetParameter"], resources = ["arn:aws:ssm:us-east-1:123456789012:parameter/app/\${ENV}/*"] }]
  container main {
    image         = "public.ecr.aws/nginx/nginx:1.27"
    environment   = { GREETING = "hello \${USER}" }
    secrets       = { TOKEN = "/app/\${ENV}/token", KEY = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app-\${ENV}-AbCdEf" }
    command       = ["sh", "-c", "echo \${HOME}"]
    entrypoint    = ["/bin/\${SHELL}"]
    working_dir   = "/srv/\${APP}"
    docker_labels = { "com.example.note" = "label \${L}" }
    health_check { command = ["CMD-SHELL", "test -n \"\${HOME}\""] }
    log { stream_prefix = "app"  options = { "awslogs-datetime-format" = "\${DATE}" } }
  }
}

cluster literal {
  service web {
    task            = app
    subnets         = [main.a]
    security_groups = [main.web]
    public_ip       = true
  }
}

output note = "out \${O}"

role reader {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [{
    actions    = ["s3:GetObject"],
    resources  = ["arn:aws:s3:::reports/\${aws:username}/*"],
    conditions = [{ test = "StringEquals", variable = "aws:PrincipalTag/\${team}", values = ["ops \${T}"] }],
  }]
}
