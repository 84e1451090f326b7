/**
 * Expected findings for every corpus file (`../shared/corpus/workflows/`), checked by hand
 * against each file: per file, `[line, kind, migration, secrets]` in scan order, with a note on
 * what the file does. A file missing here has no expected finding.
 */
import type { FindingKind, Migration } from '../../src/workflows/findings.js'

export type Expected = readonly [
  line: number,
  kind: FindingKind,
  migration: Migration,
  secrets: readonly string[]
]

export const EXPECTED_FINDINGS: Readonly<Record<string, readonly Expected[]>> = {
  // uses: ./ is docker/login-action itself: keys as ECR username/password (136, 182) and inside the registry-auth block scalar (310, 331) are action inputs; the two SHA-pinned configure-aws-credentials steps (155, 203) are plain key logins.
  '01-docker--login-action--ci.yml': [
    [136, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [155, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [182, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [203, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [310, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [331, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // generated file; workflow env copies the keys under SENTRY_PYTHON_TEST_* names for the test suite: manual, not a runner login.
  '02-getsentry--sentry-python--test-integrations-aws.yml': [
    [
      27,
      'key-export',
      'manual',
      ['SENTRY_PYTHON_TEST_AWS_ACCESS_KEY_ID', 'SENTRY_PYTHON_TEST_AWS_SECRET_ACCESS_KEY']
    ]
  ],
  // configure-aws-credentials@v4 with keys in the pull_request_target job, which checks out
  // refs/pull/N/merge and runs it: manual unless allow-pull-request-target (issue 10).
  '03-feast-dev--feast--pr_integration_tests.yml': [
    [72, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // mixed CRLF/LF file: line 51 is the aws-access-key-id input of configure-aws-credentials@v4.
  '04-feast-dev--feast--master_only.yml': [
    [51, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // seven jobs pass the keys with aws-role-to-assume to the local composite action ./.github/actions/setup; env from steps.setup.outputs (243, 318) is temporary credentials, not a finding.
  '05-pulumi--examples--test-examples.yml': [
    [43, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [70, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [123, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [150, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [175, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [235, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [283, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // composite action: configure-aws-credentials (SHA pin) takes the keys from inputs.aws-access-key-id: manual, no secret names.
  '06-pulumi--examples--actions-setup-action.yml': [
    [185, 'configure-aws-credentials', 'manual', []]
  ],
  // make release-s3 reads LEGACY_AWS_* copied from CI_AWS_* secrets; the OIDC configure step before it is not a finding.
  '07-vectordotdev--vector--publish.yml': [
    [525, 'key-export', 'manual', ['CI_AWS_ACCESS_KEY_ID', 'CI_AWS_SECRET_ACCESS_KEY']]
  ],
  // both upload steps set AWS_ENDPOINT_URL from a secret next to the keys: S3-compatible, not migrated.
  '08-duckdb--duckdb--StagedUpload.yml': [
    [33, 'non-aws', 'not-migrated', ['S3_DUCKDB_STAGING_ID', 'S3_DUCKDB_STAGING_KEY']],
    [48, 'non-aws', 'not-migrated', ['DUCKDB_INSTALL_S3_ID', 'DUCKDB_INSTALL_S3_SECRET']]
  ],
  // six steps with S3_DUCKDB_STAGING_* keys and AWS_ENDPOINT_URL from a secret: not migrated; the secrets: inherit callees are not in the corpus under their repository paths.
  '09-duckdb--duckdb--Main.yml': [
    [541, 'non-aws', 'not-migrated', ['S3_DUCKDB_STAGING_ID', 'S3_DUCKDB_STAGING_KEY']],
    [711, 'non-aws', 'not-migrated', ['S3_DUCKDB_STAGING_ID', 'S3_DUCKDB_STAGING_KEY']],
    [840, 'non-aws', 'not-migrated', ['S3_DUCKDB_STAGING_ID', 'S3_DUCKDB_STAGING_KEY']],
    [988, 'non-aws', 'not-migrated', ['S3_DUCKDB_STAGING_ID', 'S3_DUCKDB_STAGING_KEY']],
    [1060, 'non-aws', 'not-migrated', ['S3_DUCKDB_STAGING_ID', 'S3_DUCKDB_STAGING_KEY']],
    [1150, 'non-aws', 'not-migrated', ['S3_DUCKDB_STAGING_ID', 'S3_DUCKDB_STAGING_KEY']]
  ],
  // step env with the keys for aws s3 sync (126); three reusable-workflow calls pass them as access_key_id/secret_access_key.
  '10-fluent--fluent-bit--staging-build.yaml': [
    [126, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [163, 'reusable-workflow-caller', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [181, 'reusable-workflow-caller', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [197, 'reusable-workflow-caller', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // declares access_key_id/secret_access_key under workflow_call.secrets (40); passes them to the local sync-to-bucket action (100, 209); step env AWS_ACCESS_KEY_ID from secrets.access_key_id (266).
  '11-fluent--fluent-bit--call-build-linux-packages.yaml': [
    [40, 'reusable-workflow-secret', 'manual', ['access_key_id', 'secret_access_key']],
    [100, 'action-input', 'manual', ['access_key_id', 'secret_access_key']],
    [209, 'action-input', 'manual', ['access_key_id', 'secret_access_key']],
    [266, 'env', 'automatic', ['access_key_id', 'secret_access_key']]
  ],
  // composite action: env AWS_ACCESS_KEY_ID from inputs.access_key_id (MinIO endpoint only optional): manual, no secret names.
  '12-fluent--fluent-bit--actions-sync-to-bucket-action.yaml': [[85, 'env', 'manual', []]],
  // workflow env AWS_ACCESS_KEY_ID from the custom AWS_ACCESS_KEY_DEV (23); four docker/login-action logins to the dev ECR and one to the prod ECR with PROD_GHA_RUNNER_LIMITED_* keys, each exactly username/password: automatic (a role login before each).
  '13-neondatabase--neon--build_and_test.yml': [
    [23, 'env', 'automatic', ['AWS_ACCESS_KEY_DEV', 'AWS_SECRET_KEY_DEV']],
    [548, 'action-input', 'automatic', ['AWS_ACCESS_KEY_DEV', 'AWS_SECRET_KEY_DEV']],
    [596, 'action-input', 'automatic', ['AWS_ACCESS_KEY_DEV', 'AWS_SECRET_KEY_DEV']],
    [703, 'action-input', 'automatic', ['AWS_ACCESS_KEY_DEV', 'AWS_SECRET_KEY_DEV']],
    [858, 'action-input', 'automatic', ['AWS_ACCESS_KEY_DEV', 'AWS_SECRET_KEY_DEV']],
    [
      916,
      'action-input',
      'automatic',
      ['PROD_GHA_RUNNER_LIMITED_AWS_ACCESS_KEY_ID', 'PROD_GHA_RUNNER_LIMITED_AWS_SECRET_ACCESS_KEY']
    ]
  ],
  // workflow-level env with the keys, used by aws s3 cp in the jobs.
  '14-awslabs--aws-c-common--ci.yml': [
    [15, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // only the China-partition (cn-north-1) steps use keys (156, 321): manual, they need an aws-cn provider and role; the role-to-assume steps are not findings.
  '15-aws-observability--aws-otel-collector--rollback.yml': [
    [156, 'configure-aws-credentials', 'manual', ['RELEASE_CN_KEY_ID', 'RELEASE_CN_SECRET']],
    [321, 'configure-aws-credentials', 'manual', ['RELEASE_CN_KEY_ID', 'RELEASE_CN_SECRET']]
  ],
  // workflow env TF_VAR_aws_* (35) hands the keys to Terraform: manual; signing steps' env (223, 279, 337) are runner logins; docker login to public ECR (494, automatic); eleven configure-aws-credentials@v1 steps.
  '16-aws-observability--aws-otel-collector--CI.yml': [
    [35, 'key-export', 'manual', ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']],
    [223, 'env', 'automatic', ['SIGN_PKG_AWS_ACCESS_KEY_ID', 'SIGN_PKG_AWS_SECRET_ACCESS_KEY']],
    [279, 'env', 'automatic', ['SIGN_PKG_AWS_ACCESS_KEY_ID', 'SIGN_PKG_AWS_SECRET_ACCESS_KEY']],
    [337, 'env', 'automatic', ['SIGN_PKG_AWS_ACCESS_KEY_ID', 'SIGN_PKG_AWS_SECRET_ACCESS_KEY']],
    [494, 'action-input', 'automatic', ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']],
    [
      502,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      625,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      705,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      785,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      865,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      938,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      1000,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      1063,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      1139,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      1190,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ],
    [
      1229,
      'configure-aws-credentials',
      'automatic',
      ['INTEG_TEST_AWS_KEY_ID', 'INTEG_TEST_AWS_KEY_SECRET']
    ]
  ],
  // job-level env from DOCS_ASSETS_AWS_* for aws s3 cp.
  '17-serverless--serverless--sync-docs.yml': [
    [22, 'env', 'automatic', ['DOCS_ASSETS_AWS_ACCESS_KEY_ID', 'DOCS_ASSETS_AWS_SECRET_ACCESS_KEY']]
  ],
  // configure-aws-credentials@v6 with keys in a job that already has id-token: write; aws-region from a secret is not a key.
  '18-langchain-ai--langchain-aws--_release.yml': [
    [177, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // the keys sit among about forty other secrets of an ingest test script's env: manual.
  '19-Unstructured-IO--unstructured--ci.yml': [
    [257, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // step env (179) and configure-aws-credentials@v1-node16 (207) with DEPLOYER_STAGE_AND_DEV_* keys.
  '20-mdn--yari--dev-build.yml': [
    [
      179,
      'env',
      'automatic',
      ['DEPLOYER_STAGE_AND_DEV_AWS_ACCESS_KEY_ID', 'DEPLOYER_STAGE_AND_DEV_AWS_SECRET_ACCESS_KEY']
    ],
    [
      207,
      'configure-aws-credentials',
      'automatic',
      ['DEPLOYER_STAGE_AND_DEV_AWS_ACCESS_KEY_ID', 'DEPLOYER_STAGE_AND_DEV_AWS_SECRET_ACCESS_KEY']
    ]
  ],
  // job env E2E_AWS_PROVIDER_* (48) and the run script writing them into .env (139) are test data for the product: manual; Alibaba/Azure/M365 keys are not AWS.
  '21-prowler-cloud--prowler--ui-e2e-tests-v2.yml': [
    [48, 'key-export', 'manual', ['E2E_AWS_PROVIDER_ACCESS_KEY', 'E2E_AWS_PROVIDER_SECRET_KEY']],
    [139, 'key-export', 'manual', ['E2E_AWS_PROVIDER_ACCESS_KEY', 'E2E_AWS_PROVIDER_SECRET_KEY']]
  ],
  // configure-aws-credentials@v2 with keys although the workflow grants id-token: write.
  '22-opennextjs--opennextjs-aws--e2e.yml': [
    [86, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // uses: ./ in configure-aws-credentials' own repository is not taken for the action: keys to a local action, manual.
  '23-aws-actions--configure-aws-credentials--tests-integ-release.yml': [
    [53, 'action-input', 'manual', ['STATIC_ak_id', 'STATIC_secret_ak']]
  ],
  // ENABLE_NEXT_JOBS feature flag (39); services and lakeFS config env (LAKEFS_BLOCKSTORE_S3_CREDENTIALS_*) are manual; env on the local bootstrap action steps is manual; run-step env and job env are logins; TESTER_* keys go to the lakeFS S3 gateway endpoint (464): not migrated; --aws_access_key CLI args (628); literal minio/AKIA...EXAMPLE values are not findings.
  '24-treeverse--lakeFS--esti.yaml': [
    [39, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID']],
    [205, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [226, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [245, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [289, 'env', 'automatic', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [390, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [449, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [453, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [464, 'non-aws', 'not-migrated', ['TESTER_ACCESS_KEY_ID', 'TESTER_SECRET_ACCESS_KEY']],
    [598, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [602, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [628, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [685, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [689, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [706, 'env', 'automatic', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [791, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [795, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [830, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [865, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [903, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [938, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [975, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [1027, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [1086, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [1177, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [1239, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']],
    [1444, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [1461, 'key-export', 'manual', ['ESTI_AWS_ACCESS_KEY_ID', 'ESTI_AWS_SECRET_ACCESS_KEY']]
  ],
  // Cloudflare R2: TESTS__R2_AWS_SECRET_ACCESS_KEY from a secret next to a literal key id and an r2 endpoint: not migrated.
  '25-dlt-hub--dlt--test_destinations_remote.yml': [
    [20, 'non-aws', 'not-migrated', ['CLOUDFLARE_R2_SECRET_ACCESS_KEY']]
  ],
  // step env read by cml-runner (issue_comment trigger).
  '26-iterative--cml--checkbot.yml': [
    [57, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // step env read by the Python release script (secret listed first; the finding sits at the id).
  '27-bokeh--bokeh--bokeh-release-deploy.yml': [
    [57, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // configure-aws-credentials@v4 with keys chained onto a role from a step output: manual, that
  // role is not known to trust GitHub after the migration (issue 11 item 2).
  '28-pulumi--templates--test-templates.yml': [
    [150, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // configure-aws-credentials@v5 with keys for a CDK deploy.
  '29-developmentseed--titiler--deploy.yml': [
    [33, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // step env with double-quoted expressions (column of the reference inside the quotes).
  '30-eksctl-io--eksctl--integration-tests.yaml': [
    [41, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // configure-aws-credentials@v1 with DOCKER_CI_* keys.
  '31-cloud-custodian--cloud-custodian--docker.yml': [
    [
      34,
      'configure-aws-credentials',
      'automatic',
      ['DOCKER_CI_AWS_ACCESS_KEY_ID', 'DOCKER_CI_AWS_SECRET_ACCESS_KEY']
    ]
  ],
  // secrets[matrix.aws_access_key_id_secret]: the matrix lists EXAMPLE_DEV_*/EXAMPLE_PROD_* names: dynamic, manual, one finding per env map.
  '32-infracost--actions--examples_test.yml': [
    [
      118,
      'dynamic-secret',
      'manual',
      [
        'EXAMPLE_DEV_AWS_ACCESS_KEY_ID',
        'EXAMPLE_DEV_AWS_SECRET_ACCESS_KEY',
        'EXAMPLE_PROD_AWS_ACCESS_KEY_ID',
        'EXAMPLE_PROD_AWS_SECRET_ACCESS_KEY'
      ]
    ],
    [
      220,
      'dynamic-secret',
      'manual',
      [
        'EXAMPLE_DEV_AWS_ACCESS_KEY_ID',
        'EXAMPLE_DEV_AWS_SECRET_ACCESS_KEY',
        'EXAMPLE_PROD_AWS_ACCESS_KEY_ID',
        'EXAMPLE_PROD_AWS_SECRET_ACCESS_KEY'
      ]
    ]
  ],
  // workflow env copies the keys into PIPELINE_USER_* (13: manual); six configure-aws-credentials@v1 steps read them through env.PIPELINE_USER_* with role chaining onto roles from env.*_PIPELINE_EXECUTION_ROLE: manual, those roles are not known to trust GitHub (issue 11 item 2).
  '33-121jigowatts--sam-java-app-pipeline--pipeline.yaml': [
    [13, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [49, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [81, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [115, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [139, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [175, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [221, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // aws-session-token from a secret (temporary credentials): manual.
  '34-95460eza--Deploy-on-AWS-Lambda-Using-Docker-Image-with-SAM-CLI-and-FastAPI-app--pipeline.yaml':
    [
      [
        22,
        'configure-aws-credentials',
        'manual',
        ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
      ],
      [
        49,
        'configure-aws-credentials',
        'manual',
        ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
      ]
    ],
  // starter workflow: configure-aws-credentials@v2 with keys.
  '35-19951023Taa--ecs_github_actions--aws.yml': [
    [33, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // malformed: duplicate key push under on: -> an error, no findings.
  '36-4sboro--ECS-deployment--aws.yml': [],
  // PROD_* keys with a double space inside the expression.
  '37-3dollar-in-my-pocket--3dollars-in-my-pocket-backend-community--deploy-prod.yml': [
    [
      43,
      'configure-aws-credentials',
      'automatic',
      ['PROD_AWS_ACCESS_KEY_ID', 'PROD_AWS_SECRET_ACCESS_KEY']
    ]
  ],
  // starter workflow: configure-aws-credentials@v1 with keys.
  '38-14km--aws-community-day-2021--aws.yml': [
    [65, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // workflow_call declares the AWS_PYTORCH_UPLOADER_* secrets (63, optional) mapped to step env AWS_* (212), their only use: both automatic.
  '39-pytorch--test-infra--build_wheels_macos.yml': [
    [
      63,
      'reusable-workflow-secret',
      'automatic',
      ['AWS_PYTORCH_UPLOADER_ACCESS_KEY_ID', 'AWS_PYTORCH_UPLOADER_SECRET_ACCESS_KEY']
    ],
    [
      212,
      'env',
      'automatic',
      ['AWS_PYTORCH_UPLOADER_ACCESS_KEY_ID', 'AWS_PYTORCH_UPLOADER_SECRET_ACCESS_KEY']
    ]
  ],
  // R2 keys declared in workflow_call (60) and put in env by two steps: not migrated; AWS itself uses OIDC here.
  '40-pytorch--test-infra--_binary_upload.yml': [
    [60, 'non-aws', 'not-migrated', ['R2_ACCESS_KEY_ID', 'R2_SECRET_ACCESS_KEY']],
    [189, 'non-aws', 'not-migrated', ['R2_ACCESS_KEY_ID', 'R2_SECRET_ACCESS_KEY']],
    [213, 'non-aws', 'not-migrated', ['R2_ACCESS_KEY_ID', 'R2_SECRET_ACCESS_KEY']]
  ],
  // SHA-pinned configure-aws-credentials with STAGING_* keys after an OIDC step in the same job.
  '41-cds-snc--notification-api--docker.yaml': [
    [
      60,
      'configure-aws-credentials',
      'automatic',
      ['STAGING_AWS_ACCESS_KEY_ID', 'STAGING_AWS_SECRET_ACCESS_KEY']
    ]
  ],
  // generated file ("Do not edit this file in .github/workflows"): eight step envs with keys are manual, migrate the templates.
  '42-rust-lang--rustup--ci.yaml': [
    [201, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [400, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [605, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [775, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [947, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [1146, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [1272, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [1403, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // step env with AWS_SESSION_TOKEN from a secret in five steps: temporary credentials, manual.
  '43-aws--aws-node-termination-handler--release.yaml': [
    [33, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']],
    [52, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']],
    [72, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']],
    [79, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']],
    [86, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']]
  ],
  // configure-aws-credentials@v6 with keys before amazon-ecr-login (public); the reusable call passes only non-AWS secrets.
  '44-localstack--localstack--aws-main.yml': [
    [215, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // keys written by a heredoc into packaging/.env.
  '45-grafana--k6--all.yml': [
    [391, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // synced file ("DONT EDIT"): configure-aws-credentials@v1 with keys, manual.
  '46-cloudquery--cq-provider-aws--test_integration.yml': [
    [79, 'configure-aws-credentials', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // sls config credentials --key/--secret CLI arguments.
  '47-aamirandam--ReusableWorkflows--deploy-serverless.yml': [
    [47, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // composite action using secrets.*: docker login to ECR (34) and docker build-args (45).
  '48-aamirandam--ReusableWorkflows--actions-build-docker-action.yml': [
    [34, 'action-input', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [45, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // echo into ~/.aws/credentials.
  '49-0ni0nrings--TerraformGitHubActions--newtfapply.yml': [
    [24, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // configure-aws-credentials@v1 in three jobs with different environments (same secret names).
  '50-Health-Education-England--tis-trainee-ui--deploy.yml': [
    [28, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [148, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [176, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // third-party beanstalk-deploy with aws_access_key/aws_secret_key inputs from ACCESS_KEY_ID/SECRET_ACCESS_KEY.
  '51-puente-dr--map--beanstalk.yml': [
    [34, 'action-input', 'manual', ['ACCESS_KEY_ID', 'SECRET_ACCESS_KEY']]
  ],
  // workflow_call declares the keys (35); env of the bomb-on/aws-ssm-to-env action (manual) then configure-aws-credentials@v1 in three jobs.
  '52-exporo--central-workflows--CICD.yml': [
    [35, 'reusable-workflow-secret', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [132, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [142, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [182, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [194, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [239, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [249, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // the .env generator step gets AWS_ACCESS_KEY (non-standard) and AWS_SECRET_ACCESS_KEY: app runtime credentials, manual; OIDC deploy is not a finding.
  '53-meetnearme--api--deploy-prod.yml': [
    [90, 'key-export', 'manual', ['AWS_ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // composite action: Vault keys written by aws configure set into a profile (55): manual, no GitHub secret names.
  '54-camunda--c8-multi-region--actions-setup-aws-action.yml': [[55, 'key-export', 'manual', []]],
  // toJSON(secrets) handed to the local composite action (73): manual.
  '55-camunda--c8-multi-region--reuseable_aws_operational_procedure.yml': [
    [73, 'key-export', 'manual', []]
  ],
  // workflow_call declares AWS_ACCESS_KEY/AWS_SECRET_ACCESS_KEY (31) used only by configure-aws-credentials@v2 (61): both automatic (made optional, the workflow assumes the role).
  '56-GlobalUy--workflows--deploy.yml': [
    [31, 'reusable-workflow-secret', 'automatic', ['AWS_ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY']],
    [61, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // workflow env keys among seven other secrets of the Django test settings: manual.
  '57-MuckRock--documentcloud--test.yml': [
    [28, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // workflow env keys (16) and configure-aws-credentials@v1 in four environment-bound jobs.
  '58-ohcnetwork--care--deployment.yaml': [
    [16, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [257, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [297, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [356, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [399, 'configure-aws-credentials', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // six reusable calls pass AWS_*, VAL_AWS_* and PROD_AWS_* keys as aws_access_key_id/aws_secret_access_key.
  '59-Enterprise-CMCS--managed-care-review--promote.yml': [
    [127, 'reusable-workflow-caller', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [140, 'reusable-workflow-caller', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [
      154,
      'reusable-workflow-caller',
      'manual',
      ['VAL_AWS_ACCESS_KEY_ID', 'VAL_AWS_SECRET_ACCESS_KEY']
    ],
    [
      167,
      'reusable-workflow-caller',
      'manual',
      ['VAL_AWS_ACCESS_KEY_ID', 'VAL_AWS_SECRET_ACCESS_KEY']
    ],
    [
      181,
      'reusable-workflow-caller',
      'manual',
      ['PROD_AWS_ACCESS_KEY_ID', 'PROD_AWS_SECRET_ACCESS_KEY']
    ],
    [
      194,
      'reusable-workflow-caller',
      'manual',
      ['PROD_AWS_ACCESS_KEY_ID', 'PROD_AWS_SECRET_ACCESS_KEY']
    ]
  ],
  // job-level env with the keys in two production jobs.
  '60-Accurate0--maccas-api--lambda.yml': [
    [97, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']],
    [118, 'env', 'automatic', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // job env SYSTEM_TESTS_AWS_* from IDM_AWS_* for an external test harness: manual.
  '61-DataDog--dd-trace-js--system-tests.yml': [
    [50, 'key-export', 'manual', ['IDM_AWS_ACCESS_KEY_ID', 'IDM_AWS_SECRET_ACCESS_KEY']]
  ],
  // third-party s3-upload-action with aws_key_id/aws_secret_access_key inputs.
  '62-City-of-Turku--elamyskalanteri--s3.yml': [
    [19, 'action-input', 'manual', ['AWS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ],
  // &&/|| choice among DEV/STAGING/PROD keys in configure-aws-credentials: dynamic, manual.
  '63-delatsi--compliantguard--infrastructure-drift-check.yml': [
    [
      45,
      'dynamic-secret',
      'manual',
      [
        'AWS_ACCESS_KEY_ID_DEV',
        'AWS_ACCESS_KEY_ID_PROD',
        'AWS_ACCESS_KEY_ID_STAGING',
        'AWS_SECRET_ACCESS_KEY_DEV',
        'AWS_SECRET_ACCESS_KEY_PROD',
        'AWS_SECRET_ACCESS_KEY_STAGING'
      ]
    ]
  ],
  // the set-creds script writes three key pairs to GITHUB_OUTPUT (282, 291, 304 and 446, 455, 468); configure steps read step outputs (321, 485); chained &&/|| choices (741, 827).
  '64-delatsi--compliantguard--smart-deploy.yml': [
    [282, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID_DEV', 'AWS_SECRET_ACCESS_KEY_DEV']],
    [291, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID_STAGING', 'AWS_SECRET_ACCESS_KEY_STAGING']],
    [304, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID_PROD', 'AWS_SECRET_ACCESS_KEY_PROD']],
    [321, 'configure-aws-credentials', 'manual', []],
    [446, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID_DEV', 'AWS_SECRET_ACCESS_KEY_DEV']],
    [455, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID_STAGING', 'AWS_SECRET_ACCESS_KEY_STAGING']],
    [468, 'key-export', 'manual', ['AWS_ACCESS_KEY_ID_PROD', 'AWS_SECRET_ACCESS_KEY_PROD']],
    [485, 'configure-aws-credentials', 'manual', []],
    [
      741,
      'dynamic-secret',
      'manual',
      [
        'AWS_ACCESS_KEY_ID_DEV',
        'AWS_ACCESS_KEY_ID_PROD',
        'AWS_ACCESS_KEY_ID_STAGING',
        'AWS_SECRET_ACCESS_KEY_DEV',
        'AWS_SECRET_ACCESS_KEY_PROD',
        'AWS_SECRET_ACCESS_KEY_STAGING'
      ]
    ],
    [
      827,
      'dynamic-secret',
      'manual',
      [
        'AWS_ACCESS_KEY_ID_DEV',
        'AWS_ACCESS_KEY_ID_PROD',
        'AWS_ACCESS_KEY_ID_STAGING',
        'AWS_SECRET_ACCESS_KEY_DEV',
        'AWS_SECRET_ACCESS_KEY_PROD',
        'AWS_SECRET_ACCESS_KEY_STAGING'
      ]
    ]
  ],
  // CRLF: env of jakejarvis/s3-sync-action (a docker action reading the keys): manual; AWS_S3_BUCKET is not a key.
  '65-AdamBanham--personal-webpage-stack--deploy-s3.yml': [
    [18, 'env', 'manual', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']]
  ]
}

/** Files that are not valid YAML: `[line, message]`. */
export const EXPECTED_ERRORS: Readonly<Record<string, readonly [number, string][]>> = {
  '36-4sboro--ECS-deployment--aws.yml': [[17, 'not valid YAML: Map keys must be unique (column 3)']]
}
