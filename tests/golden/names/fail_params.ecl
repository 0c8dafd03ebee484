// args: -p env=staging -p desired=two -p regoin=eu-west-1
param env: string = "prod"
param desired: int = 1
param region: string
param size: memory = 2s
