// Environment variables that look like credentials belong in `secrets`.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image       = "public.ecr.aws/nginx/nginx:1.27"
    environment = {
      API_KEY               = "abc123",
      DB_PASSWORD           = "hunter2",
      GITHUB_TOKEN          = "ghp_xxx",
      AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI",
      stripeSecret          = "sk_live",
      KEYCLOAK_URL          = "https://auth.example.com",
      MONKEY                = "banana",
      TOKENIZER_MODEL       = "bpe"
    }
  }
}
