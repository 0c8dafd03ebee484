// The AWS CDK peer of the eclc benchmark (docs/performance.md): the same template as
// `eclc compile bench/generate.py's program --target cloudformation` for N services
// (`cdk synth -c services=N`).
//
// Written with the L1 constructs (Cfn*): they map one to one onto CloudFormation resources, so
// the app can build exactly the resources, logical IDs and properties eclc emits, and
// bench/run.py checks that the Resources sections are equal. The L2 constructs (ec2.Vpc,
// ecs.FargateService, ...) would synthesize a different template (their own roles, policies,
// security groups and route tables), so the comparison would no longer be like for like.
'use strict';
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');
const logs = require('aws-cdk-lib/aws-logs');

const app = new cdk.App();
const services = parseInt(app.node.tryGetContext('services'), 10);
if (!(services >= 1)) {
  throw new Error('context `services` must be a positive number: cdk synth -c services=500');
}

const stack = new cdk.Stack(app, 'bench', {
  description: `eclc benchmark, ${services} services`,
  analyticsReporting: false,
  // No BootstrapVersion parameter and rule: eclc's template has neither.
  synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
});

// A resource with eclc's logical ID.
function named(resource, logicalId) {
  resource.overrideLogicalId(logicalId);
  return resource;
}
const tags = (path) => [{ key: 'ecl:path', value: path }];
const ref = (resource) => ({ Ref: resource.logicalId });
const dependsOn = (resource, on) => resource.addOverride('DependsOn', on.logicalId);

// The network: a VPC over two zones, public and private /24s, an internet gateway, one NAT gateway.
const vpc = named(new ec2.CfnVPC(stack, 'MainVpc', {
  cidrBlock: '10.0.0.0/16',
  enableDnsSupport: true,
  enableDnsHostnames: true,
  instanceTenancy: 'default',
  tags: tags('main'),
}), 'MainVpc');

function subnet(id, name, cidr, zone, isPublic) {
  const props = {
    vpcId: vpc.ref,
    cidrBlock: cidr,
    availabilityZone: cdk.Fn.sub('${AWS::Region}' + zone),
    tags: tags(`main.${name}`),
  };
  if (isPublic) {
    props.mapPublicIpOnLaunch = true;
  }
  return named(new ec2.CfnSubnet(stack, id, props), id);
}
const publicA = subnet('MainPublicASubnet', 'public_a', '10.0.0.0/24', 'a', true);
const publicB = subnet('MainPublicBSubnet', 'public_b', '10.0.1.0/24', 'b', true);
const privateA = subnet('MainPrivateASubnet', 'private_a', '10.0.10.0/24', 'a', false);
const privateB = subnet('MainPrivateBSubnet', 'private_b', '10.0.11.0/24', 'b', false);

const igw = named(new ec2.CfnInternetGateway(stack, 'MainIgwInternetGateway', {
  tags: tags('main.igw'),
}), 'MainIgwInternetGateway');
const attachment = named(new ec2.CfnVPCGatewayAttachment(stack, 'MainIgwAttachment', {
  vpcId: vpc.ref,
  internetGatewayId: igw.ref,
}), 'MainIgwAttachment');
const nat = named(new ec2.CfnNatGateway(stack, 'MainNatNatGateway', {
  allocationId: cdk.Fn.getAtt('MainNatEip', 'AllocationId').toString(),
  subnetId: publicA.ref,
  tags: tags('main.nat'),
}), 'MainNatNatGateway');
dependsOn(nat, attachment);
const eip = named(new ec2.CfnEIP(stack, 'MainNatEip', {
  domain: 'vpc',
  tags: tags('main.nat'),
}), 'MainNatEip');
dependsOn(eip, attachment);

function routeTable(id, path, subnets, routeId, route) {
  const table = named(new ec2.CfnRouteTable(stack, id, { vpcId: vpc.ref, tags: tags(path) }), id);
  for (const [associationId, s] of subnets) {
    named(new ec2.CfnSubnetRouteTableAssociation(stack, associationId, {
      routeTableId: table.ref,
      subnetId: s.ref,
    }), associationId);
  }
  return named(new ec2.CfnRoute(stack, routeId, {
    routeTableId: table.ref,
    destinationCidrBlock: '0.0.0.0/0',
    ...route,
  }), routeId);
}
const publicRoute = routeTable('MainPublicRouteTable', 'main.public',
  [['MainPublicPublicAAssociation', publicA], ['MainPublicPublicBAssociation', publicB]],
  'MainPublicRoute0', { gatewayId: igw.ref });
dependsOn(publicRoute, attachment);
routeTable('MainPrivateRouteTable', 'main.private',
  [['MainPrivatePrivateAAssociation', privateA], ['MainPrivatePrivateBAssociation', privateB]],
  'MainPrivateRoute0', { natGatewayId: nat.ref });

// Per service: a security group open on port 80 to the VPC.
const groups = [];
for (let i = 0; i < services; i++) {
  const id = `MainWeb${i}SecurityGroup`;
  groups.push(named(new ec2.CfnSecurityGroup(stack, id, {
    groupDescription: `Service ${i}: HTTP from the VPC`,
    vpcId: vpc.ref,
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: '10.0.0.0/16' }],
    tags: tags(`main.web${i}`),
  }), id));
}

// The cluster, Fargate only.
const cluster = named(new ecs.CfnCluster(stack, 'BenchCluster', {
  clusterName: 'bench-bench',
  clusterSettings: [{ name: 'containerInsights', value: 'disabled' }],
  tags: tags('bench'),
}), 'BenchCluster');
const fargate = { capacityProvider: 'FARGATE', weight: 1, base: 0 };
const capacity = named(new ecs.CfnClusterCapacityProviderAssociations(stack,
  'BenchCapacityProviders', {
    cluster: cluster.ref,
    capacityProviders: ['FARGATE'],
    defaultCapacityProviderStrategy: [fargate],
  }), 'BenchCapacityProviders');

// Per service: the service (desired count 2 in the private subnets) ...
for (let i = 0; i < services; i++) {
  const id = `BenchSvc${i}Service`;
  const service = named(new ecs.CfnService(stack, id, {
    serviceName: `svc${i}`,
    cluster: cluster.ref,
    taskDefinition: { Ref: `Svc${i}Task` },
    schedulingStrategy: 'REPLICA',
    desiredCount: 2,
    capacityProviderStrategy: [fargate],
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [privateA.ref, privateB.ref],
        securityGroups: [groups[i].attrGroupId],
        assignPublicIp: 'DISABLED',
      },
    },
    propagateTags: 'SERVICE',
    deploymentConfiguration: {
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    tags: tags(`bench.svc${i}`),
  }), id);
  dependsOn(service, capacity);
}

// ... and its task: 256 CPU units / 512 MiB of nginx on port 80 with awslogs, an execution role
// and a log group.
for (let i = 0; i < services; i++) {
  const task = new ecs.CfnTaskDefinition(stack, `Svc${i}Task`, {
    family: `bench-svc${i}`,
    cpu: '256',
    memory: '512',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    executionRoleArn: cdk.Fn.getAtt(`Svc${i}ExecutionRole`, 'Arn').toString(),
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    containerDefinitions: [{
      name: 'web',
      image: 'public.ecr.aws/nginx/nginx:1.27',
      essential: true,
      portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': ref({ logicalId: `Svc${i}LogGroup` }),
          'awslogs-region': cdk.Aws.REGION,
          'awslogs-stream-prefix': `svc${i}`,
        },
      },
    }],
    tags: tags(`svc${i}`),
  });
  named(task, `Svc${i}Task`);
  named(new iam.CfnRole(stack, `Svc${i}ExecutionRole`, {
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Service: 'ecs-tasks.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }],
    },
    managedPolicyArns: [cdk.Fn.sub(
      'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')],
    tags: tags(`svc${i}`),
  }), `Svc${i}ExecutionRole`);
  const logGroup = named(new logs.CfnLogGroup(stack, `Svc${i}LogGroup`, {
    logGroupName: `/ecs/bench-svc${i}`,
    retentionInDays: 30,
    tags: tags(`svc${i}`),
  }), `Svc${i}LogGroup`);
  logGroup.cfnOptions.deletionPolicy = cdk.CfnDeletionPolicy.DELETE;
  logGroup.cfnOptions.updateReplacePolicy = cdk.CfnDeletionPolicy.DELETE;
}

app.synth();
