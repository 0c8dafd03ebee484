// Repository names ECR refuses (E3150), two repositories of one name (E3151), and a KMS key with
// AES-256 encryption (E3152).
stack shop {
  region = "us-east-1"
}

repository upper {
  name = "Shop/API"
}

repository short {
  name = "a"
}

repository doubled {
  name = "shop//api"
}

repository separators {
  name = "shop/api__v2"
}

repository edge {
  name = "-shop"
}

repository first {
  name = "shop/web"
}

repository second {
  name = "shop/web"
}

repository keyed {
  name    = "shop/keyed"
  kms_key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
