#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2025);
/** The command line entrypoint (`aws-keys-to-oidc`); the commands live in src/cli/. */

process.exitCode = await (0,_cli_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text)
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2025:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT, USAGE

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/local-files.ts


const YAML = /\.ya?ml$/i;
/**
 * Collects workflow and composite-action files from disk.
 * - a repository root: `.github/workflows/*.yml|yaml` and `.github/actions/**\/action.yml|yaml`;
 * - a folder without `.github/`: every `*.yml|yaml` directly in it (a folder of workflow files);
 * - a single file: that file.
 * Paths are relative to the root, with `/` separators, sorted for stable output.
 *
 * Nothing outside the root is read: symlinked files are skipped, and a `.github`,
 * `.github/workflows` or `.github/actions` that is a symlink is followed only when it stays
 * inside the root (otherwise: an error naming it). A `.github/workflows` that is not a folder
 * is an error too (GitHub would run no workflow from it), not "0 files".
 */
async function collectWorkflowFiles(target) {
    const stat = await external_node_fs_namespaceObject.promises.stat(target).catch(() => {
        throw new Error(`${target}: no such file or directory`);
    });
    if (stat.isFile()) {
        const root = external_node_path_default().dirname(target);
        return { root, files: [await read(root, target)] };
    }
    const inside = await insideRoot(target);
    const github = external_node_path_default().join(target, '.github');
    const hasGithub = (await kindOf(github, inside)) === 'folder';
    const paths = [];
    if (hasGithub) {
        const workflows = external_node_path_default().join(github, 'workflows');
        const kind = await kindOf(workflows, inside);
        if (kind === 'other') {
            throw new Error(`${workflows}: .github/workflows is not a folder; GitHub reads workflows only from files in the folder .github/workflows`);
        }
        if (kind === 'folder') {
            paths.push(...(await listDir(workflows, false)).filter((p) => YAML.test(p)));
        }
        if ((await kindOf(external_node_path_default().join(github, 'actions'), inside)) === 'folder') {
            paths.push(...(await listDir(external_node_path_default().join(github, 'actions'), true)).filter((p) => /(^|[\\/])action\.ya?ml$/i.test(p)));
        }
    }
    else {
        paths.push(...(await listDir(target, false)).filter((p) => YAML.test(p)));
    }
    paths.sort();
    const files = await Promise.all(paths.map((p) => read(target, p)));
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { root: target, files };
}
/** Whether a path, its symlinks resolved, lies inside the root (symlinks resolved too). */
async function insideRoot(root) {
    const real = await external_node_fs_namespaceObject.promises.realpath(root);
    return async (p) => {
        const resolved = await external_node_fs_namespaceObject.promises.realpath(p);
        const rel = external_node_path_default().relative(real, resolved);
        return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
    };
}
/**
 * What a path of the checkout is: absent, a folder, or something else (a file). A symlink that
 * leads outside the root is an error: it is never followed.
 */
async function kindOf(p, inside) {
    const link = await external_node_fs_namespaceObject.promises.lstat(p).catch(() => null);
    if (!link)
        return 'absent';
    if (link.isSymbolicLink()) {
        const target = await external_node_fs_namespaceObject.promises.realpath(p).catch(() => null);
        if (target === null)
            return 'absent';
        if (!(await inside(p))) {
            throw new Error(`${p}: a symlink to ${target}, outside the checkout; it is not followed (only files of the checkout are read)`);
        }
    }
    const stat = await external_node_fs_namespaceObject.promises.stat(p);
    return stat.isDirectory() ? 'folder' : 'other';
}
async function listDir(dir, recursive) {
    const entries = await external_node_fs_namespaceObject.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
    const out = [];
    for (const entry of entries) {
        const full = external_node_path_default().join(dir, entry.name);
        // Symlinked files and folders are not followed (they could lead outside the checkout).
        if (entry.isFile())
            out.push(full);
        else if (recursive && entry.isDirectory())
            out.push(...(await listDir(full, true)));
    }
    return out;
}
async function read(root, file) {
    const text = await external_node_fs_namespaceObject.promises.readFile(file, 'utf8');
    return { path: external_node_path_default().relative(root, file).split((external_node_path_default()).sep).join('/'), text };
}

;// CONCATENATED MODULE: ./src/workflows/findings.ts
/**
 * The scanner's output contract. `plan --format json` prints `{findings, errors}` with
 * exactly these field names; later stages add fields but never rename or remove one.
 */
const FINDING_KINDS = [
    'configure-aws-credentials',
    'env',
    'action-input',
    'reusable-workflow-secret',
    'reusable-workflow-caller',
    'reusable-workflow-inherit',
    'dynamic-secret',
    'key-export',
    'non-aws',
    'ambiguous'
];
/** A stable identity for a key pair, used to map pairs to roles (`SECRET_ID/SECRET_KEY`). */
function pairKey(pair) {
    return `${pair.accessKeyId ?? '?'}/${pair.secretAccessKey ?? '?'}`;
}
/**
 * The findings that are uses of AWS key material (automatic or manual migration): what
 * `fail-on-findings` counts and what a migration takes part in. Keys of an S3-compatible service
 * that is not AWS (not-migrated) are reported but never count.
 */
function awsKeyFindings(findings) {
    return findings.filter((f) => f.migration !== 'not-migrated');
}

;// CONCATENATED MODULE: ./src/report/kinds.ts
const KIND_INFO = {
    'configure-aws-credentials': {
        title: 'configure-aws-credentials uses long-lived access keys',
        help: 'Replace aws-access-key-id / aws-secret-access-key (and aws-session-token) with role-to-assume: ' +
            'the ARN of an IAM role whose trust policy admits this repository through the GitHub OIDC provider, ' +
            'and give the job `permissions: id-token: write` without dropping the scopes it already has. ' +
            '`aws-keys-to-oidc` mode `migrate` creates the role and opens the pull request.'
    },
    env: {
        title: 'AWS access keys exported through env',
        help: 'Remove the AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN entries and add an ' +
            'aws-actions/configure-aws-credentials@v6 step with role-to-assume before the first step that ' +
            'needs AWS; the job needs `id-token: write`.'
    },
    'action-input': {
        title: 'AWS access keys passed to another action',
        help: 'Authenticate with aws-actions/configure-aws-credentials@v6 and role-to-assume first, then let ' +
            'the action use the ambient credentials (for docker/login-action to ECR: omit username and ' +
            'password). If the action cannot use ambient credentials, check its documentation for OIDC support.'
    },
    'reusable-workflow-secret': {
        title: 'Reusable workflow takes AWS access keys as secrets',
        help: 'Let the called workflow assume the role itself with configure-aws-credentials and role-to-assume; ' +
            'make the key secrets `required: false` (callers elsewhere may still pass them) and stop using them. ' +
            'Every calling job needs `id-token: write`.'
    },
    'reusable-workflow-caller': {
        title: 'AWS access keys passed to a reusable workflow',
        help: 'Stop passing the key secrets once the called workflow assumes a role through OIDC, and give the ' +
            'calling job `id-token: write` (a called workflow cannot have more permissions than its caller).'
    },
    'reusable-workflow-inherit': {
        title: 'secrets: inherit hands AWS access keys to a reusable workflow',
        help: 'The called workflow uses long-lived keys. Migrate it to role-to-assume and give this calling job ' +
            '`id-token: write`.'
    },
    'dynamic-secret': {
        title: 'AWS access key secret chosen at run time',
        help: 'The secret name is computed (matrix, format, conditional), so the role cannot be chosen ' +
            'statically. Map each case to a role ARN (for example a matrix entry with role-to-assume) and ' +
            'migrate by hand.'
    },
    'key-export': {
        title: 'AWS access keys leave the runner login',
        help: 'The keys are written to files, scripts, build arguments, containers or other variables. After ' +
            'assuming a role with configure-aws-credentials, pass the temporary credentials instead ' +
            '(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the step environment), or ' +
            'let the tool use the default credential chain. Migrate by hand.'
    },
    'non-aws': {
        title: 'S3-compatible keys for a service that is not AWS',
        help: 'These keys are for an S3-compatible service (Cloudflare R2, MinIO, a custom endpoint), not AWS ' +
            'IAM. They cannot be replaced by an AWS role and are left as they are.'
    },
    ambiguous: {
        title: 'AWS-named keys beside an S3-compatible endpoint that is not AWS',
        help: 'The secrets are named for AWS, but an endpoint of another object store (MinIO, R2, a custom ' +
            'AWS_ENDPOINT_URL) is set where they are used. Check which service the keys are for: if AWS, ' +
            'scope the endpoint to the step that needs it and migrate the keys to role-to-assume; if not, ' +
            'name the secrets for that service so they are no longer taken for AWS keys.'
    }
};

;// CONCATENATED MODULE: ./src/report/sarif.ts


const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/aws-keys-to-oidc/aws-keys-to-oidc';
/**
 * Findings as a SARIF 2.1.0 log that github/codeql-action/upload-sarif accepts: one rule per kind,
 * one result per finding, files that could not be parsed as tool execution notifications.
 */
function toSarif(result, options) {
    const prefix = options.pathPrefix ?? '';
    const rules = FINDING_KINDS.map((kind) => ({
        id: kind,
        name: ruleName(kind),
        shortDescription: { text: KIND_INFO[kind].title },
        fullDescription: { text: KIND_INFO[kind].help },
        help: { text: KIND_INFO[kind].help, markdown: KIND_INFO[kind].help },
        defaultConfiguration: { level: kind === 'non-aws' ? 'note' : 'warning' },
        properties: {
            tags: ['security', 'aws', 'credentials'],
            precision: 'high',
            'security-severity': kind === 'non-aws' ? '2.0' : '7.5'
        }
    }));
    return {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'aws-keys-to-oidc',
                        semanticVersion: options.toolVersion,
                        informationUri: INFORMATION_URI,
                        rules
                    }
                },
                results: result.findings.map((f) => sarifResult(f, prefix)),
                invocations: [
                    {
                        executionSuccessful: result.errors.length === 0,
                        toolExecutionNotifications: result.errors.map((e) => ({
                            level: 'error',
                            message: { text: e.message },
                            locations: [sarif_location(prefix + e.file, e.line, 1)]
                        }))
                    }
                ]
            }
        ]
    };
}
function sarifResult(f, prefix) {
    return {
        ruleId: f.kind,
        ruleIndex: FINDING_KINDS.indexOf(f.kind),
        level: f.migration === 'not-migrated' ? 'note' : 'warning',
        message: { text: `${f.reason} (secrets: ${f.secrets.join(', ') || 'none'})` },
        locations: [sarif_location(prefix + f.file, f.line, f.column)],
        partialFingerprints: {
            // Stable across line moves: the file, the job, the kind and the secrets identify the use.
            'keyUse/v1': [f.file, f.job ?? '', f.kind, f.secrets.join(',')].join('|')
        },
        properties: {
            migration: f.migration,
            job: f.job,
            secrets: f.secrets
        }
    };
}
function sarif_location(uri, line, column) {
    return {
        physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            region: { startLine: Math.max(1, line), startColumn: Math.max(1, column) }
        }
    };
}
function ruleName(kind) {
    return kind
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
}

;// CONCATENATED MODULE: ./src/report/text.ts

/** A readable table per file, for the terminal. */
function renderText(result) {
    const lines = [];
    const byFile = groupByFile(result.findings);
    for (const [file, findings] of byFile) {
        lines.push(file);
        const rows = findings.map((f) => [
            `${f.line}:${f.column}`,
            f.job ?? '(workflow)',
            f.kind,
            f.migration,
            f.secrets.join(', '),
            f.reason
        ]);
        lines.push(...table(['LINE', 'JOB', 'KIND', 'MIGRATION', 'SECRETS', 'WHAT'], rows));
        lines.push('');
    }
    for (const e of result.errors) {
        lines.push(`error: ${e.file}:${e.line}: ${e.message}`);
    }
    const aws = awsKeyFindings(result.findings);
    const other = result.findings.length - aws.length;
    lines.push(`${aws.length} static AWS key use${aws.length === 1 ? '' : 's'} in ${new Set(aws.map((f) => f.file)).size} file(s)` +
        (other ? `, ${other} non-AWS key use${other === 1 ? '' : 's'} left as is` : '') +
        (result.errors.length
            ? `, ${new Set(result.errors.map((e) => e.file)).size} file(s) not valid YAML (not scanned)`
            : ''));
    return lines.join('\n') + '\n';
}
function groupByFile(findings) {
    const map = new Map();
    for (const f of findings) {
        const list = map.get(f.file) ?? [];
        list.push(f);
        map.set(f.file, list);
    }
    return map;
}
function table(header, rows) {
    const all = [header, ...rows];
    // The last column (free text) is not padded.
    const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
    return all.map((r) => r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd()
        .replace(/^/, '  '));
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/version.ts

/** The tool's version, from package.json (bundled into dist). */
const VERSION = package_namespaceObject.rE;

;// CONCATENATED MODULE: ./src/formats.ts
/**
 * The identifier formats the action checks or recognises, each defined once: AWS regions, IAM
 * role and managed-policy ARNs, and commit SHAs (an action pinned `@<sha>`). Pure: patterns and
 * predicates only; the messages that name an input live with the input.
 */
/** An AWS region name, unanchored (for hosts such as `123.dkr.ecr.eu-west-1.amazonaws.com`). */
const REGION_SOURCE = '[a-z]{2}(?:-[a-z]+)+-\\d+';
/** An AWS region name (`us-east-1`, `ap-southeast-2`, `us-gov-west-1`). */
const REGION = new RegExp(`^${REGION_SOURCE}$`);
/** An ARN partition: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, ... */
const PARTITION = 'aws(?:-[a-z]+)*';
/** An IAM role ARN with a literal account and name (path included): `arn:aws:iam::123456789012:role/x`. */
const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role\\/[\\w+=,.@/-]{1,512}$`);
/** A managed policy ARN, customer-managed (12-digit account) or AWS-managed (`aws`). */
const POLICY_ARN = new RegExp(`^arn:${PARTITION}:iam::(?:\\d{12}|aws):policy\\/[\\w+=,.@/-]+$`);
/** A full commit SHA (40 hex digits). */
const COMMIT_SHA = /^[0-9a-f]{40}$/i;
/** A `uses:` value pinned to a full commit SHA (`owner/repo@<sha>`), unanchored at the start. */
const SHA_PINNED_USES = /@[0-9a-f]{40}$/i;
/** A `uses:` pin to a full commit SHA anywhere in a text (a file that pins actions by SHA). */
const SHA_PIN_IN_TEXT = /@[0-9a-f]{40}\b/i;

;// CONCATENATED MODULE: ./src/workflows/rewrite/action-pins.ts
/**
 * The `uses:` reference of aws-actions/configure-aws-credentials after the rewrite: the current
 * major (v6, node24) in the user's pinning style. A tag stays a tag; a SHA pin becomes the SHA
 * of the current v6 release with a `# v6.x.y` comment. Finding that release is a GitHub API call,
 * injected as a function so this module stays pure.
 */

const CAC_ACTION = 'aws-actions/configure-aws-credentials';
const CAC_MAJOR = 6;
const CAC_TAG = `v${CAC_MAJOR}`;
const action_pins_VERSION = /^v?(\d+)\.(\d+)\.(\d+)$/;
/**
 * Resolves the configure-aws-credentials release to pin SHA-pinned steps to. Without a lookup
 * (offline) or when it fails, the tag is used and the note says so.
 */
async function resolveCacRef(lookup) {
    if (lookup) {
        try {
            const found = await lookup(CAC_ACTION, CAC_MAJOR);
            if (found)
                return { ref: validateCacRef(found), note: null };
            return { ref: { tag: CAC_TAG }, note: `no ${CAC_TAG} release found: ${offlineNote()}` };
        }
        catch (error) {
            const why = error instanceof Error ? error.message : String(error);
            return {
                ref: { tag: CAC_TAG },
                note: `could not resolve the ${CAC_TAG} release (${why}): ${offlineNote()}`
            };
        }
    }
    return { ref: { tag: CAC_TAG }, note: `offline: ${offlineNote()}` };
}
function offlineNote() {
    return `SHA-pinned ${CAC_ACTION} steps are pinned to tag ${CAC_TAG} instead of a SHA`;
}
/** Checks a ref given by a caller; throws a clear error naming what is allowed. */
function validateCacRef(ref) {
    if ('sha' in ref) {
        if (!COMMIT_SHA.test(ref.sha)) {
            throw new Error(`configure-aws-credentials SHA '${ref.sha}' must be 40 hexadecimal digits`);
        }
        const m = action_pins_VERSION.exec(ref.version);
        if (!m || Number(m[1]) !== CAC_MAJOR) {
            throw new Error(`configure-aws-credentials version '${ref.version}' must be a ${CAC_TAG}.x.y release`);
        }
        return { sha: ref.sha.toLowerCase(), version: ref.version.replace(/^v?/, 'v') };
    }
    if (!/^v\d+(\.\d+){0,2}$/.test(ref.tag)) {
        throw new Error(`configure-aws-credentials tag '${ref.tag}' must look like v6, v6.1 or v6.1.0`);
    }
    return ref;
}
/** Splits `owner/repo@ref`. */
function parseUses(uses) {
    const text = uses.trim();
    if (text.startsWith('./') || text.startsWith('docker://')) {
        return { action: text, ref: '', style: 'local' };
    }
    const at = text.lastIndexOf('@');
    const action = at < 0 ? text : text.slice(0, at);
    const ref = at < 0 ? '' : text.slice(at + 1);
    const style = COMMIT_SHA.test(ref)
        ? 'sha'
        : /^v?\d+$/.test(ref)
            ? 'major-tag'
            : action_pins_VERSION.test(ref) || /^v?\d+\.\d+$/.test(ref)
                ? 'version-tag'
                : 'other-ref';
    return { action, ref, style };
}
/** Whether an existing `uses:` of configure-aws-credentials is already on the target major. */
function isCurrentMajor(parsed) {
    if (parsed.style === 'major-tag' || parsed.style === 'version-tag') {
        return Number(/^v?(\d+)/.exec(parsed.ref)?.[1]) === CAC_MAJOR;
    }
    return false;
}
/**
 * The `uses:` text a configure-aws-credentials step gets. The user's style is kept: a major tag
 * becomes `v6`; a full version tag becomes `v6.x.y` when the release is known, else `v6`; a SHA
 * becomes the v6 release SHA (or the tag offline); a branch or odd ref becomes `v6`. Steps
 * already on v6 by tag and local actions (`uses: ./`) are left as they are. `currentComment` is
 * the version comment after a SHA pin, if any.
 */
function cacPinFor(uses, target, currentComment) {
    const parsed = parseUses(uses);
    const keep = { uses, comment: currentComment, changed: false };
    if (parsed.style === 'local')
        return keep;
    if (isCurrentMajor(parsed))
        return keep;
    const full = 'sha' in target ? target.version : null;
    if (parsed.style === 'sha') {
        // A SHA already pinned to a v6 release (by its comment) stays: it is as good as ours.
        const pinned = currentComment === null ? null : /v?(\d+)/.exec(currentComment)?.[1];
        if (pinned !== undefined && pinned !== null && Number(pinned) === CAC_MAJOR)
            return keep;
        if ('sha' in target) {
            const same = parsed.ref.toLowerCase() === target.sha && currentComment === target.version;
            return { uses: `${parsed.action}@${target.sha}`, comment: target.version, changed: !same };
        }
        return { uses: `${parsed.action}@${target.tag}`, comment: null, changed: true };
    }
    const tag = parsed.style === 'version-tag' && full !== null
        ? full
        : 'tag' in target
            ? majorOf(target.tag)
            : CAC_TAG;
    return {
        uses: `${parsed.action}@${tag}`,
        comment: null,
        changed: `${parsed.action}@${tag}` !== uses.trim()
    };
}
function majorOf(tag) {
    return `v${/^v?(\d+)/.exec(tag)?.[1] ?? CAC_MAJOR}`;
}
/** The `uses:` text of a configure-aws-credentials step the rewriter adds. */
function newCacUses(target, preferSha) {
    if ('sha' in target && preferSha) {
        return { uses: `${CAC_ACTION}@${target.sha}`, comment: target.version, changed: true };
    }
    return {
        uses: `${CAC_ACTION}@${'tag' in target ? majorOf(target.tag) : CAC_TAG}`,
        comment: null,
        changed: true
    };
}
/** A comment after a SHA pin that names a version (`# v4.0.2`, `#v4`, `# pin@v4`, `# 4.1.0`). */
function isVersionComment(comment) {
    return /^#\s*(pin@|tag[:=]\s*)?v?\d+(\.\d+){0,2}\s*$/i.test(comment.trim());
}

;// CONCATENATED MODULE: ./src/workflows/parsed.ts
const LOCAL_CALL = /uses:\s*['"]?\.\/\.github\/workflows\//;
/**
 * Findings the rewrite may turn into edits: the automatic ones (the scanner marks automatic
 * exactly what the rewrite does); the others only become follow-ups.
 */
function mayRewrite(f) {
    return f.migration === 'automatic';
}
/** Whether the text calls a reusable workflow of the repository (`uses: ./.github/workflows/...`). */
function callsLocalWorkflow(text) {
    return LOCAL_CALL.test(text);
}
/**
 * Whether the rewrite parses this file: it has findings the rewrite may migrate, or it calls a
 * reusable workflow of the repository (it may need `id-token: write`).
 */
function rewriteParses(text, own) {
    return own.some(mayRewrite) || callsLocalWorkflow(text);
}
/** The trees of these files, each as parsed from the file's text now. */
function parsedTrees(trees) {
    const kept = new Map();
    for (const [file, doc] of trees)
        kept.set(file, { text: file.text, doc });
    return {
        take(file) {
            const tree = kept.get(file);
            if (!tree)
                return null;
            kept.delete(file);
            return tree.text === file.text ? tree.doc : null;
        }
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/workflows/rewrite/text-edits.ts
/**
 * Source-preserving text edits: replace exact offset ranges of the original text and leave every
 * other byte alone (comments, blank lines, quoting, CRLF, a missing final newline). Line helpers
 * find where a YAML node's lines start and end and which line ending they use.
 */
/** Raised when two edits overlap: a rewrite that would be ambiguous is never applied. */
class EditConflictError extends Error {
    constructor(a, b) {
        super(`overlapping edits at [${a.start}, ${a.end}) and [${b.start}, ${b.end})`);
        this.name = 'EditConflictError';
    }
}
/**
 * Applies edits to the original text. Edits are given in original offsets; insertions at the
 * same offset keep the order in which they were given. Overlapping deletions merge; any other
 * overlap throws.
 */
function applyEdits(text, edits) {
    const sorted = edits
        .map((edit, order) => ({ edit, order }))
        .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
        .map((e) => e.edit);
    // Deletions that overlap (two whole-line removals at the end of a file without a final
    // newline share a line ending) are one deletion.
    const merged = [];
    for (const edit of sorted) {
        const last = merged[merged.length - 1];
        if (last &&
            last.text === '' &&
            edit.text === '' &&
            last.end > last.start &&
            edit.end > edit.start &&
            edit.start < last.end) {
            let start = last.start;
            const end = Math.max(last.end, edit.end);
            // Lines removed through the end of a file without a final newline take the ending
            // before them, so the file still ends without one.
            if (end === text.length && !text.endsWith('\n') && start > 0 && text[start - 1] === '\n') {
                start = lineEnd(text, start - 1);
            }
            merged[merged.length - 1] = { start, end, text: '' };
        }
        else {
            merged.push(edit);
        }
    }
    let out = '';
    let at = 0;
    let previous = null;
    for (const edit of merged) {
        if (edit.start < 0 || edit.end > text.length || edit.end < edit.start) {
            throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside the text (${text.length})`);
        }
        if (previous && edit.start < previous.end)
            throw new EditConflictError(previous, edit);
        out += text.slice(at, edit.start) + edit.text;
        at = edit.end;
        previous = edit;
    }
    return out + text.slice(at);
}
/** Offset of the start of the line holding `offset`. */
function lineStart(text, offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
}
/** Offset of the line ending (`\r\n` or `\n`) of the line holding `offset`, or the text's end. */
function lineEnd(text, offset) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0)
        return text.length;
    return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}
/** Offset just after the line ending of the line holding `offset` (the text's end on the last line). */
function nextLineStart(text, offset) {
    const nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length : nl + 1;
}
/** The line ending of the line holding `offset`; '' on a last line without one. */
function eolOf(text, offset) {
    const end = lineEnd(text, offset);
    return text.slice(end, nextLineStart(text, offset));
}
/** The line ending most lines use (`\n` when none). */
function dominantEol(text) {
    let crlf = 0;
    let lf = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (i > 0 && text[i - 1] === '\r')
            crlf++;
        else
            lf++;
    }
    return crlf > lf ? '\r\n' : '\n';
}
/** The column (0-based) of `offset` in its line. */
function columnOf(text, offset) {
    return offset - lineStart(text, offset);
}
/** Leading spaces of the line holding `offset`. */
function indentOf(text, offset) {
    const start = lineStart(text, offset);
    let i = start;
    while (text[i] === ' ')
        i++;
    return text.slice(start, i);
}
/** Whether the line holding `offset` is blank or only a comment. */
function isBlankOrComment(text, offset) {
    const line = text.slice(lineStart(text, offset), lineEnd(text, offset)).trim();
    return line === '' || line.startsWith('#');
}
function isBlank(text, offset) {
    return text.slice(lineStart(text, offset), lineEnd(text, offset)).trim() === '';
}
/** Removes whole lines: from the line holding `from` through the line holding `to`, line endings included. */
function removeLines(text, from, to) {
    const start = lineStart(text, from);
    let end = nextLineStart(text, to);
    if (end === text.length && !text.endsWith('\n') && start > 0) {
        // The last line has no ending: take the previous line's ending instead, so the file keeps
        // its "no final newline" shape.
        const prevEnd = lineEnd(text, start - 1);
        return { start: prevEnd, end, text: '' };
    }
    if (end < start)
        end = start;
    return { start, end, text: '' };
}
/**
 * Inserts whole lines before the line holding `offset`. Each line ends with that line's own
 * ending (or the file's dominant one on a last line without one).
 */
function insertLinesBefore(text, offset, lines) {
    const start = lineStart(text, offset);
    const eol = eolOf(text, offset) || dominantEol(text);
    return { start, end: start, text: lines.map((l) => l + eol).join('') };
}
/**
 * Inserts whole lines after the line holding `offset`, with that line's ending. After a last line
 * without an ending, the new lines are preceded by the ending of the line above, and the file
 * still ends without one.
 */
function insertLinesAfter(text, offset, lines) {
    const end = nextLineStart(text, offset);
    const eol = eolOf(text, offset);
    if (eol === '') {
        const start = lineStart(text, offset);
        const e = start > 0 ? eolOf(text, start - 1) : dominantEol(text);
        return { start: end, end, text: lines.map((l) => e + l).join('') };
    }
    return { start: end, end, text: lines.map((l) => l + eol).join('') };
}
/**
 * The offset where the comment lines directly above the line of `offset` start (the line of
 * `offset` itself when there are none). Comments above a step or key usually describe it.
 */
function leadingCommentStart(text, offset, minIndent) {
    let start = lineStart(text, offset);
    while (start > 0) {
        const prev = lineStart(text, start - 1);
        const line = text.slice(prev, lineEnd(text, prev));
        const trimmed = line.trimStart();
        if (!trimmed.startsWith('#') || line.length - trimmed.length < minIndent)
            break;
        start = prev;
    }
    return start;
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/yaml-edits.ts
/**
 * Text edits addressed by `yaml` nodes: remove map entries, replace a scalar, add an entry to a
 * block or flow map, insert a sequence item. Every edit is an exact offset range of the original
 * text (from the parser's source ranges); nothing is re-serialised, so the rest of the file keeps
 * its bytes. Shapes these helpers do not handle raise {@link UnsupportedEdit}, and the caller
 * leaves the whole file as it was.
 */


/** A shape the rewriter does not edit (multi-line flow map, a key sharing its line, ...). */
class yaml_edits_UnsupportedEdit extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = 'UnsupportedEdit';
    }
}
function keyNode(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) || (0,dist/* isMap */.jh)(pair.key) || (0,dist/* isSeq */.oP)(pair.key) ? pair.key : null;
}
function valueNode(pair) {
    const v = pair.value;
    return (0,dist/* isScalar */.jn)(v) || (0,dist/* isMap */.jh)(v) || (0,dist/* isSeq */.oP)(v) ? v : null;
}
/** The key's text as a string (`on`, `AWS_ACCESS_KEY_ID`, `0`), or null. */
function keyString(pair) {
    const k = pair.key;
    if (!(0,dist/* isScalar */.jn)(k))
        return null;
    const v = k.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}
function pairStart(pair) {
    const k = keyNode(pair);
    if (!k?.range)
        throw new yaml_edits_UnsupportedEdit('a map entry without a source position', 0);
    return k.range[0];
}
/** The end of the entry's value (before any trailing comment). */
function pairValueEnd(pair) {
    const v = valueNode(pair);
    if (v?.range && v.range[1] > v.range[0])
        return v.range[1];
    const k = keyNode(pair);
    return k?.range?.[1] ?? 0;
}
/** The offset of the last character that belongs to the entry (its value's last byte). */
function lastContent(text, pair) {
    let end = pairValueEnd(pair);
    while (end > pairStart(pair) && (text[end - 1] === '\n' || text[end - 1] === '\r'))
        end--;
    return Math.max(pairStart(pair), end - 1);
}
/** Throws unless the key is the first thing on its line (block style, no `- key:` sharing). */
function assertOwnLine(text, pair) {
    const start = pairStart(pair);
    if (text.slice(lineStart(text, start), start).trim() !== '') {
        throw new yaml_edits_UnsupportedEdit('a map entry that shares its line with other content', start);
    }
}
/** The column of a block map's keys. */
function entryColumn(text, map) {
    const first = map.items[0];
    if (!first)
        throw new yaml_edits_UnsupportedEdit('an empty block map', map.range?.[0] ?? 0);
    const start = pairStart(first);
    return start - lineStart(text, start);
}
/**
 * Removes entries of a map. In a block map each entry's lines go (a trailing comment on the
 * same line goes with it; comment lines around stay). In a single-line flow map the kept items
 * are written back with the map's own spacing. When every entry goes and `owner` is given, the
 * owner entry (e.g. `env:` holding the map) goes instead, from its own map `ownerMap`.
 */
function removeEntries(text, map, remove, owner, ownerMap = null) {
    if (remove.length === 0)
        return [];
    const kept = map.items.filter((p) => !remove.includes(p));
    if (kept.length === 0 && owner) {
        if (ownerMap?.flow) {
            const rest = ownerMap.items.filter((p) => p !== owner);
            return [
                rewriteFlowMap(text, ownerMap, rest.map((p) => sourceOf(text, p)))
            ];
        }
        assertOwnLine(text, owner);
        return [removeLines(text, pairStart(owner), lastContent(text, owner))];
    }
    if (map.flow)
        return [
            rewriteFlowMap(text, map, kept.map((p) => sourceOf(text, p)))
        ];
    return remove.map((p) => {
        assertOwnLine(text, p);
        return removeLines(text, pairStart(p), lastContent(text, p));
    });
}
function sourceOf(text, pair) {
    return text.slice(pairStart(pair), pairValueEnd(pair));
}
/** Replaces a single-line flow map by `{` + items + `}` with the original inner padding. */
function rewriteFlowMap(text, map, items) {
    const [start, end] = flowBounds(text, map);
    const inner = text.slice(start + 1, end - 1);
    const pad = inner.startsWith(' ') && items.length > 0 ? ' ' : '';
    return { start, end, text: `{${pad}${items.join(', ')}${pad}}` };
}
function flowBounds(text, map) {
    const range = map.range;
    if (!range)
        throw new yaml_edits_UnsupportedEdit('a flow collection without a source position', 0);
    const [start, end] = [range[0], range[1]];
    if (text[start] !== '{' || text[end - 1] !== '}' || text.slice(start, end).includes('\n')) {
        throw new yaml_edits_UnsupportedEdit('a flow mapping written over several lines', start);
    }
    return [start, end];
}
/** Replaces a scalar's text (quotes included) by `replacement`. */
function replaceScalar(node, replacement) {
    if (!(0,dist/* isScalar */.jn)(node) || !node.range)
        throw new yaml_edits_UnsupportedEdit('a value that is not a scalar', 0);
    return { start: node.range[0], end: node.range[1], text: replacement };
}
/**
 * Adds `key: value` lines (already rendered, relative to the map's key column) at the end of a
 * block map, after its last entry; or `key: value` items at the end of a single-line flow map.
 */
function appendEntries(text, map, lines, flowItems) {
    if (map.flow) {
        const [start, end] = flowBounds(text, map);
        if (map.items.length === 0) {
            const inner = text.slice(start + 1, end - 1);
            const pad = inner.includes(' ') ? ' ' : '';
            return { start: start + 1, end: end - 1, text: `${pad}${flowItems.join(', ')}${pad}` };
        }
        const last = map.items[map.items.length - 1];
        const at = pairValueEnd(last);
        return { start: at, end: at, text: flowItems.map((i) => `, ${i}`).join('') };
    }
    const last = map.items[map.items.length - 1];
    if (!last)
        throw new yaml_edits_UnsupportedEdit('an empty block map', map.range?.[0] ?? 0);
    const column = entryColumn(text, map);
    return insertLinesAfter(text, lastContent(text, last), indent(lines, column));
}
/**
 * Inserts rendered entry lines into a block map right after the entry `after` (so they sit with
 * it, before any blank line or comment that leads the next entry), or, when `after` is null,
 * before the entry `before` and the comments directly above it.
 */
function insertEntries(text, map, lines, after, before) {
    if (map.flow)
        throw new yaml_edits_UnsupportedEdit('a job written as a flow mapping', map.range?.[0] ?? 0);
    const column = entryColumn(text, map);
    if (after)
        return insertLinesAfter(text, lastContent(text, after), indent(lines, column));
    assertOwnLine(text, before);
    return insertLinesBefore(text, pairStart(before), indent(lines, column));
}
function indent(lines, column) {
    const pad = ' '.repeat(column);
    return lines.map((l) => (l === '' ? '' : pad + l));
}
/** The `-` of a block sequence item, searched backwards from the item's content. */
function dashOf(text, item) {
    const start = item.range?.[0];
    if (start === undefined)
        throw new yaml_edits_UnsupportedEdit('a sequence item without a position', 0);
    let i = start - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r'))
        i--;
    if (text[i] !== '-')
        throw new yaml_edits_UnsupportedEdit('a sequence item not introduced by "-"', start);
    return i;
}
function itemStyle(text, seq, index) {
    if (seq.flow)
        throw new yaml_edits_UnsupportedEdit('steps written as a flow sequence', seq.range?.[0] ?? 0);
    const item = seq.items[index];
    const dash = dashOf(text, item);
    const contentStart = item.range[0];
    const dashAlone = lineStart(text, dash) !== lineStart(text, contentStart);
    const content = contentStart - lineStart(text, contentStart);
    const other = seq.items[index > 0 ? index - 1 : index + 1];
    let blankBetween = false;
    if (other?.range) {
        const [a, b] = index > 0 ? [other, item] : [item, other];
        const gap = text.slice(nextLineStart(text, a.range[1] - 1), lineStart(text, dashOf(text, b)));
        blankBetween = gap
            .split('\n')
            .slice(0, -1)
            .some((l) => l.trim() === '');
    }
    return { dash: dash - lineStart(text, dash), content, dashAlone, blankBetween };
}
/**
 * Inserts a new item (rendered as lines relative to the item's key column) before item `index`
 * of a block sequence, and before the comment lines directly above that item.
 */
function insertItemBefore(text, seq, index, lines, style) {
    const item = seq.items[index];
    const dash = dashOf(text, item);
    if (text.slice(lineStart(text, dash), dash).trim() !== '') {
        throw new yaml_edits_UnsupportedEdit('a step whose "-" shares its line', dash);
    }
    let at = lineStart(text, dash);
    // Keep the comment block above the step attached to it.
    while (at > 0) {
        const prev = lineStart(text, at - 1);
        const line = text.slice(prev, lineEnd(text, prev));
        if (!line.trimStart().startsWith('#') || line.length - line.trimStart().length < style.dash) {
            break;
        }
        at = prev;
    }
    const out = [];
    const [first, ...rest] = lines;
    const pad = ' '.repeat(style.content);
    if (style.dashAlone) {
        out.push(' '.repeat(style.dash) + '-');
        out.push(pad + first);
    }
    else {
        out.push(' '.repeat(style.dash) + '-' + ' '.repeat(style.content - style.dash - 1) + first);
    }
    for (const l of rest)
        out.push(l === '' ? '' : pad + l);
    if (style.blankBetween)
        out.push('');
    return insertLinesBefore(text, at, out);
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/model.ts
/**
 * The parts of one parsed workflow the rewriter edits, with their nodes: workflow `env`,
 * `permissions`, triggers, and per job its map, `env`, `permissions`, `steps` (each step's
 * `uses`, `if`, `env`, `with`), and reusable-workflow `uses`/`secrets`. Read-only; the text edits
 * are made elsewhere from these nodes' source ranges.
 */


/** The model of a workflow text; `doc`, when given, is that text already parsed (by the scan). */
function parseModel(path, text, doc = (0,dist/* parseDocument */.Tp)(text)) {
    if (doc.errors.length > 0 || !(0,dist/* isMap */.jh)(doc.contents))
        return null;
    const root = doc.contents;
    const jobs = new Map();
    const jobsMap = mapOf(get(root, 'jobs'));
    for (const pair of jobsMap?.items ?? []) {
        const id = keyString(pair);
        const map = mapOf(pair);
        if (id === null || !map)
            continue;
        jobs.set(id, jobModel(text, id, pair, map));
    }
    const on = get(root, 'on') ?? get(root, 'true');
    const onValue = on ? valueNode(on) : null;
    const triggers = (0,dist/* isScalar */.jn)(onValue)
        ? [String(onValue.value)]
        : (0,dist/* isSeq */.oP)(onValue)
            ? onValue.items.map((i) => ((0,dist/* isScalar */.jn)(i) ? String(i.value) : '')).filter((t) => t !== '')
            : (0,dist/* isMap */.jh)(onValue)
                ? onValue.items.map((p) => keyString(p) ?? '').filter((t) => t !== '')
                : [];
    const callPair = (0,dist/* isMap */.jh)(onValue) ? get(onValue, 'workflow_call') : undefined;
    const call = mapOf(callPair);
    return {
        path,
        text,
        doc,
        root,
        env: held(root, 'env'),
        permissions: held(root, 'permissions'),
        triggers,
        callSecrets: call ? mapOf(get(call, 'secrets')) : null,
        callOffset: (0,dist/* isScalar */.jn)(callPair?.key) ? (callPair.key.range?.[0] ?? 0) : 0,
        jobs,
        composite: !jobsMap && get(root, 'runs') !== undefined
    };
}
function jobModel(text, id, pair, map) {
    const stepsPair = get(map, 'steps') ?? null;
    const stepsNode = stepsPair ? valueNode(stepsPair) : null;
    const steps = (0,dist/* isSeq */.oP)(stepsNode) ? stepsNode : null;
    const stepModels = [];
    steps?.items.forEach((item, index) => {
        if (!(0,dist/* isMap */.jh)(item))
            return;
        const usesPair = get(item, 'uses');
        const usesNode = usesPair ? valueNode(usesPair) : null;
        const ifPair = get(item, 'if');
        const ifNode = ifPair ? valueNode(ifPair) : null;
        const nameNode = get(item, 'name');
        stepModels.push({
            index,
            map: item,
            uses: (0,dist/* isScalar */.jn)(usesNode) ? String(usesNode.value) : null,
            usesNode,
            ifText: (0,dist/* isScalar */.jn)(ifNode) ? (ifNode.source ?? String(ifNode.value)) : null,
            env: held(item, 'env'),
            with: held(item, 'with'),
            name: nameNode && (0,dist/* isScalar */.jn)(nameNode.value) ? String(nameNode.value.value) : null,
            source: item.range ? text.slice(item.range[0], item.range[1]) : ''
        });
    });
    const usesPair = get(map, 'uses') ?? null;
    const usesNode = usesPair ? valueNode(usesPair) : null;
    return {
        id,
        pair,
        map,
        env: held(map, 'env'),
        permissions: held(map, 'permissions'),
        stepsPair,
        steps,
        stepModels,
        usesPair,
        calls: (0,dist/* isScalar */.jn)(usesNode) ? String(usesNode.value) : null,
        secrets: held(map, 'secrets')
    };
}
/** The entry of a map with this key (no `<<` merges: merged entries are never edited). */
function get(map, key) {
    return map.items.find((p) => keyString(p) === key);
}
function mapOf(pair) {
    const v = pair ? valueNode(pair) : null;
    return (0,dist/* isMap */.jh)(v) ? v : null;
}
function held(parent, key) {
    const pair = get(parent, key);
    if (!pair)
        return null;
    const value = valueNode(pair);
    return { pair, parent, value, map: (0,dist/* isMap */.jh)(value) ? value : null };
}
/** Throws when a node to edit is an alias or carries an anchor (the edit would reach other places). */
function assertUnshared(node, what) {
    if (isAlias(node))
        throw new UnsupportedEdit(`${what} is a YAML alias`, aliasOffset(node));
    if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor !== undefined) {
        throw new UnsupportedEdit(`${what} carries a YAML anchor`, node.range?.[0] ?? 0);
    }
}
function aliasOffset(node) {
    return isAlias(node) ? (node.range?.[0] ?? 0) : 0;
}
/** The text of a scalar value (the expression as written), or null. */
function scalarValue(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return null;
    const v = node.value;
    return v === null || v === undefined ? null : String(v);
}
/** 1-based line of an offset (counted on demand: few offsets are ever asked for). */
function lineOf(model, offset) {
    let line = 1;
    for (let i = model.text.indexOf('\n'); i >= 0 && i < offset; i = model.text.indexOf('\n', i + 1)) {
        line++;
    }
    return line;
}

;// CONCATENATED MODULE: ./src/workflows/key-names.ts
/** The env variables the AWS SDKs and CLI read as the runner's own credentials. */
const STANDARD_ENV = {
    AWS_ACCESS_KEY_ID: 'id',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_SESSION_TOKEN: 'token'
};
/** The key inputs of aws-actions/configure-aws-credentials. */
const CAC_INPUTS = {
    'aws-access-key-id': 'id',
    'aws-secret-access-key': 'secret',
    'aws-session-token': 'token'
};
const TOKEN = /session[_-]?token/i;
const SECRET = /secret[_-]?access[_-]?key|aws.*secret[_-]?key|(?<![a-z])secret[_-]?ak(?![a-z])/i;
const ID = /access[_-]?key[_-]?id|aws.*access[_-]?key|aws[_-]?key[_-]?id|(?<![a-z])ak[_-]?id(?![a-z])/i;
/** Keys of other clouds that look like AWS names (`ALIBABACLOUD_ACCESS_KEY_ID`, Azure storage keys). */
const OTHER_CLOUD = /alibaba|alicloud|aliyun|azure|gcp|google|tencent|qcloud|huawei|(?<![a-z])(oci|ibm|oss|obs|cos|volc)(?![a-z])/i;
/**
 * The key role a name suggests on its own (`PROD_AWS_ACCESS_KEY_ID` -> id,
 * `aws_secret_key` -> secret), or null. Deliberately narrow: `AWS_S3_BUCKET`, `AWS_REGION`,
 * `AWS_ROLE_ARN`, `AWS_KMS_KEY_ID` are not key material.
 */
function roleFromName(name) {
    if (OTHER_CLOUD.test(name))
        return null;
    if (TOKEN.test(name))
        return /aws|s3/i.test(name) ? 'token' : null;
    if (SECRET.test(name))
        return 'secret';
    if (ID.test(name))
        return 'id';
    return null;
}
/**
 * The role of an action input or env name that receives key material, looser than
 * {@link roleFromName} because the value is known to be a secret: `secret_key`, `access_key`,
 * `key_id` under an action's `with:`.
 */
function roleFromSinkName(name) {
    if (OTHER_CLOUD.test(name))
        return null;
    const strict = roleFromName(name);
    if (strict)
        return strict;
    if (/(^|[_-])session[_-]?token$/i.test(name))
        return 'token';
    if (/(^|[_-])(secret[_-]?key|secret[_-]?access[_-]?key)$/i.test(name))
        return 'secret';
    if (/(^|[_-])(access[_-]?key|key[_-]?id)$/i.test(name))
        return 'id';
    return null;
}
/** A word that ties a name to AWS (`DEV_AWS_S3_SECRET`, `--aws_s3_secret`, `TF_AWS_KEY`). */
const AWS_WORD = /(^|[^a-z])(aws|s3|iam)([^a-z]|$)/i;
/** Key-like names that are not AWS access keys even when AWS-named (`AWS_KMS_KEY_ID`). */
const NOT_ACCESS_KEY = /kms|ssh|gpg|pgp|sign|deploy[_-]?key|license|bucket|region|arn|role/i;
/** Whether a name carries an AWS word (evidence that a secret-like value is an AWS key). */
function awsWord(name) {
    return AWS_WORD.test(name) && !OTHER_CLOUD.test(name);
}
/**
 * The role of a command-line flag or secret name on a command line, looser than
 * {@link roleFromName} but only with an AWS word in the name: `--aws_s3_secret` and
 * `DEV_AWS_S3_SECRET` -> secret, `aws_access_key` and `TF_AWS_KEY` -> id. Null otherwise.
 */
function roleFromArgName(name) {
    const strict = roleFromName(name);
    if (strict)
        return strict;
    if (!awsWord(name) || NOT_ACCESS_KEY.test(name))
        return null;
    if (/secret/i.test(name))
        return 'secret';
    if (/access[_-]?key|key[_-]?id|(^|[^a-z])key([^a-z]|$)/i.test(name))
        return 'id';
    return null;
}
/** Names that point at an S3-compatible service other than AWS. */
const NON_AWS_NAME = /(^|[^a-z0-9])(r2|minio|cloudflare|wasabi|backblaze|b2|digitalocean|do[_-]?spaces|linode|scaleway|ceph)([^a-z0-9]|$)/i;
function nonAwsName(name) {
    return NON_AWS_NAME.test(name);
}
/** The name with its role words removed, to match `X_ACCESS_KEY_ID` with `X_SECRET_ACCESS_KEY`. */
function stem(name, role) {
    const n = name.toUpperCase().replace(/-/g, '_');
    const words = {
        id: [/ACCESS_?KEY_?ID/, /ACCESS_?KEY/, /KEY_?ID/, /AK_?ID/, /_ID$/, /ID/],
        secret: [/SECRET_?ACCESS_?KEY/, /SECRET_?KEY/, /SECRET_?AK/, /SECRET/, /_KEY$/, /KEY/],
        token: [/SESSION_?TOKEN/, /TOKEN/]
    };
    for (const w of words[role])
        if (w.test(n))
            return n.replace(w, '');
    return n;
}
/**
 * Groups the key secrets of one scope into pairs. One id and one secret (and at most one
 * token) form a single pair whatever their names; otherwise names are matched by their stem
 * (`DEV_AWS_ACCESS_KEY_ID` with `DEV_AWS_SECRET_ACCESS_KEY`), and what stays unmatched gets a
 * pair with null sides. Pairs come in order of their first name.
 */
function pairUp(names) {
    const unique = [];
    for (const n of names) {
        if (!unique.some((u) => u.name === n.name && u.role === n.role))
            unique.push(n);
    }
    const count = (role) => unique.filter((u) => u.role === role).length;
    if (count('id') <= 1 && count('secret') <= 1 && count('token') <= 1) {
        if (unique.length === 0)
            return [];
        return [
            {
                accessKeyId: unique.find((u) => u.role === 'id')?.name ?? null,
                secretAccessKey: unique.find((u) => u.role === 'secret')?.name ?? null,
                sessionToken: unique.find((u) => u.role === 'token')?.name ?? null
            }
        ];
    }
    const groups = new Map();
    for (const u of unique) {
        const key = stem(u.name, u.role);
        const field = u.role === 'id' ? 'accessKeyId' : u.role === 'secret' ? 'secretAccessKey' : 'sessionToken';
        const existing = groups.get(key);
        if (existing && existing[field] === null) {
            existing[field] = u.name;
            continue;
        }
        const fresh = { accessKeyId: null, secretAccessKey: null, sessionToken: null };
        fresh[field] = u.name;
        groups.set(existing ? `${key}#${groups.size}` : key, fresh);
    }
    return [...groups.values()];
}
/** Secret names of a pair, sorted and unique. */
function pairSecrets(pair) {
    return sortedUnique([pair.accessKeyId, pair.secretAccessKey, pair.sessionToken].filter((s) => s !== null));
}
function sortedUnique(names) {
    return [...new Set(names)].sort();
}

;// CONCATENATED MODULE: ./src/workflows/scan/hints.ts
/**
 * Facts around a key use that change what may be done with it: an S3-compatible endpoint that
 * is not AWS, a China or GovCloud region, a generated file, an env map that configures a
 * program rather than the runner's AWS login.
 */


/** Env names of an S3 endpoint override (`AWS_ENDPOINT_URL`, `AWS_S3_ENDPOINT`, `TESTS__R2_ENDPOINT_URL`). */
const ENDPOINT = /(aws|s3|r2|minio).*endpoint|endpoint.*(aws|s3)/i;
/**
 * An endpoint override that is not AWS: an S3-ish endpoint variable set from a secret, or any
 * endpoint variable with a literal URL that is not amazonaws.com and looks like object storage.
 */
function endpointHint(name, text, fromSecret) {
    if (!/endpoint/i.test(name))
        return false;
    if (ENDPOINT.test(name) && fromSecret)
        return true;
    const literal = text !== null && !text.includes('${{') ? text.trim() : '';
    if (literal === '' || /amazonaws\.com/i.test(literal))
        return false;
    return ENDPOINT.test(name) || /s3|r2|minio|storage/i.test(literal);
}
/** A secret named for AWS itself; `S3_*` names an S3-compatible store as well. */
const AWS_NAMED = /(^|[^a-z])aws([^a-z]|$)/i;
/**
 * What the evidence for this pair says about its service: `non-aws` when the pair's own names
 * say R2 / MinIO / ..., or a non-AWS endpoint is in scope and no secret of the pair is named for
 * AWS; `ambiguous` (with the endpoint) when such an endpoint is in scope but the pair's secrets
 * are named for AWS (`AWS_CI_TEST_ACCESS_KEY_ID` beside a MinIO endpoint); null for AWS.
 */
function awsVerdict(ctx, uses) {
    for (const u of uses) {
        if (u.secret !== null && nonAwsName(u.secret))
            return { verdict: 'non-aws' };
        if (u.site.name !== null && nonAwsName(u.site.name))
            return { verdict: 'non-aws' };
        if (u.via === 'env' && nonAwsName(u.detail))
            return { verdict: 'non-aws' };
    }
    const endpoint = endpointInScope(ctx);
    if (endpoint === null)
        return null;
    const named = uses.some((u) => u.secret !== null && AWS_NAMED.test(u.secret));
    return named ? { verdict: 'ambiguous', endpoint } : { verdict: 'non-aws' };
}
/** The first endpoint variable or input in scope that points away from AWS, or null. */
function endpointInScope(ctx) {
    for (const scope of ctx.envScopes) {
        for (const [name, v] of scope.values) {
            if (endpointHint(name, v.text, v.refs.secrets.length > 0))
                return name;
        }
    }
    for (const [name, text] of ctx.withText) {
        if (endpointHint(name, text, false))
            return name;
    }
    return null;
}
/** A private ECR host (`<account>.dkr.ecr.<region>.amazonaws.com`); the region is captured. */
const ECR_PRIVATE = new RegExp(`^(?:\\$\\{\\{[^}]*\\}\\}|[^/\\s])+\\.dkr\\.ecr\\.(${REGION_SOURCE})\\.amazonaws\\.com(?:\\.cn)?$`);
const ECR_PUBLIC = /^public\.ecr\.aws$/;
/** The region of an ECR registry host (`us-east-1` for public ECR), or null when not ECR. */
function ecrRegion(registry) {
    if (registry === null)
        return null;
    const host = registry.trim();
    if (ECR_PUBLIC.test(host))
        return 'us-east-1';
    return ECR_PRIVATE.exec(host)?.[1] ?? null;
}
const DOCKER_LOGIN = /^docker\/login-action@/i;
/**
 * The ECR region when the uses are a docker/login-action step logging in to an ECR registry
 * (private host or public.ecr.aws) with exactly the pair: `username` the access key id and
 * `password` the secret access key, each a plain secret reference. The rewrite then puts a
 * configure-aws-credentials step before the login and drops the two inputs. Null otherwise.
 */
function ecrLogin(ctx, pair, mine) {
    if (!DOCKER_LOGIN.test((ctx.step?.uses ?? '').trim()))
        return null;
    const region = ecrRegion(ctx.withText.get('registry') ?? null);
    if (region === null || pair.accessKeyId === null || pair.secretAccessKey === null)
        return null;
    if (pair.sessionToken !== null || mine.length !== 2)
        return null;
    const input = (name, secret) => mine.some((u) => u.site.name === name &&
        u.via === 'secret' &&
        u.secret === secret &&
        u.site.refs.secrets.length === 1 &&
        u.site.refs.env.length + u.site.refs.dynamicSecrets.length === 0);
    return input('username', pair.accessKeyId) && input('password', pair.secretAccessKey)
        ? region
        : null;
}
/** `aws-cn` or `aws-us-gov` for a China or GovCloud region, else null. */
function regionPartition(region) {
    const r = (region ?? '').trim();
    if (/^cn-/i.test(r))
        return 'aws-cn';
    if (/^us-gov-/i.test(r))
        return 'aws-us-gov';
    return null;
}
/** `aws-cn` or `aws-us-gov` when the region in scope is a China or GovCloud region. */
function partition(ctx) {
    const regions = [ctx.withText.get('aws-region') ?? null];
    for (const scope of ctx.envScopes) {
        regions.push(scope.values.get('AWS_REGION')?.text ?? null, scope.values.get('AWS_DEFAULT_REGION')?.text ?? null);
    }
    for (const r of regions) {
        const p = regionPartition(r);
        if (p !== null)
            return p;
    }
    return null;
}
/**
 * How many other secrets the env map holding these uses passes: an env map that carries the
 * keys among many secrets configures a program or test suite, not just the AWS login.
 */
function otherSecretsInMap(ctx, uses) {
    const own = ctx.envScopes[0];
    if (!own)
        return 0;
    const keyEntries = new Set(uses.map((u) => u.site.name));
    let n = 0;
    for (const [name, v] of own.values) {
        if (!keyEntries.has(name) && (v.refs.secrets.length > 0 || v.refs.dynamicSecrets.length > 0))
            n++;
    }
    return n;
}
/** Threshold of {@link otherSecretsInMap} from which an env map counts as program configuration. */
const APP_CONFIG_SECRETS = 5;
const GENERATED = /do not edit|don'?t edit|dont edit|auto-?generated|generated (?:by|from|automatically|with)|is synced from/i;
/** The leading comment line saying the file is generated or synced from elsewhere, or null. */
function generatedHeader(text) {
    for (const raw of text.split('\n', 40)) {
        const line = raw.trim();
        if (line === '')
            continue;
        if (!line.startsWith('#'))
            return null;
        if (GENERATED.test(line))
            return line.replace(/^#+\s*/, '');
    }
    return null;
}

;// CONCATENATED MODULE: ./src/workflows/expressions.ts
/**
 * Reading `${{ }}` expressions inside workflow strings: which secrets, env variables and
 * inputs they reference. Pure string work, no YAML.
 */
const EMPTY = {
    secrets: [],
    dynamicSecrets: [],
    allSecrets: [],
    env: [],
    inputs: [],
    conditional: false
};
// Contexts are case-insensitive in GitHub expressions (`SECRETS.X` works). A context word must
// not follow `.` or a word character (`github.event.inputs.x` is not the `inputs` context).
const CONTEXT_REF = /(?<![\w.-])(secrets|env|inputs)\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*(?:'([^']*)'|"([^"]*)"|([^\]]*))\])/gi;
const ANY_CONTEXT = /secrets|env|inputs/i;
const TO_JSON_SECRETS = /(?<![\w.-])toJSON\s*\(\s*secrets\s*\)/gi;
/** The `${{ ... }}` expressions of a string, with their offsets (of the inner text). */
function expressionsOf(text) {
    const out = [];
    let from = 0;
    for (;;) {
        const start = text.indexOf('${{', from);
        if (start < 0)
            break;
        const end = text.indexOf('}}', start + 3);
        if (end < 0)
            break;
        out.push({ body: text.slice(start + 3, end), offset: start + 3 });
        from = end + 2;
    }
    return out;
}
/**
 * Every secret, env and input reference in the `${{ }}` expressions of `text`.
 * `bareExpression` treats the whole text as one expression (the value of `if:`, which may omit `${{ }}`).
 */
function referencesIn(text, bareExpression = false) {
    if (!bareExpression && !text.includes('${{'))
        return EMPTY;
    const exprs = bareExpression ? [{ body: stripBraces(text), offset: 0 }] : expressionsOf(text);
    const secrets = [];
    const dynamicSecrets = [];
    const allSecrets = [];
    const env = [];
    const inputs = [];
    let conditional = false;
    for (const { body, offset } of exprs) {
        // Most expressions (`github.sha`, `matrix.os`, step outputs) name none of these contexts.
        if (!ANY_CONTEXT.test(body))
            continue;
        const code = blankStrings(body);
        let secretsHere = 0;
        for (const m of code.matchAll(CONTEXT_REF)) {
            const context = (m[1] ?? '').toLowerCase();
            const at = offset + (m.index ?? 0);
            const dotted = m[2];
            const quoted = m[3] ?? m[4];
            // The computed index as written (string literals were blanked in `code`, offsets kept).
            const computed = m[5] === undefined
                ? undefined
                : body.slice((m.index ?? 0) + m[0].length - 1 - m[5].length, (m.index ?? 0) + m[0].length - 1);
            const name = dotted ?? quoted;
            if (context === 'secrets') {
                if (name !== undefined && name !== '') {
                    secrets.push({ name, offset: at });
                    secretsHere++;
                }
                else {
                    dynamicSecrets.push({ name: (computed ?? quoted ?? '').trim(), offset: at });
                    secretsHere++;
                }
            }
            else if (name !== undefined && name !== '') {
                ;
                (context === 'env' ? env : inputs).push({ name, offset: at });
            }
        }
        for (const m of code.matchAll(TO_JSON_SECRETS))
            allSecrets.push(offset + (m.index ?? 0));
        if (secretsHere > 1 && /&&|\|\||\?/.test(code))
            conditional = true;
    }
    if (secrets.length === 0 &&
        dynamicSecrets.length === 0 &&
        allSecrets.length === 0 &&
        env.length === 0 &&
        inputs.length === 0) {
        return EMPTY;
    }
    return { secrets, dynamicSecrets, allSecrets, env, inputs, conditional };
}
/** Replaces the content of single-quoted string literals by spaces (keeps offsets). */
function blankStrings(code) {
    if (!code.includes("'"))
        return code;
    return code.replace(/'(?:[^']|'')*'/g, (s, ...rest) => {
        // Keep a quoted index of `secrets['NAME']`: it names the secret.
        const index = rest[rest.length - 2];
        const before = code.slice(0, index).trimEnd();
        return before.endsWith('[') ? s : `'${' '.repeat(s.length - 2)}'`;
    });
}
function stripBraces(text) {
    const t = text.trim();
    return t.startsWith('${{') && t.endsWith('}}') ? ` ${t.slice(3, -2)}` : text;
}

;// CONCATENATED MODULE: ./src/workflows/scan/key-uses.ts


const key_uses_DOCKER_LOGIN = /^docker\/login-action@/i;
const ECR_REGISTRY = /\.dkr\.ecr\.|public\.ecr\.aws|(^|[^a-z])ecr([^a-z]|$)/i;
/** The role a site's place gives its value, and whether that place only ever takes keys. */
function sinkRole(site) {
    const name = site.name ?? '';
    switch (site.where) {
        case 'cac':
            return { role: CAC_INPUTS[name] ?? null, strong: true };
        case 'env':
        case 'container-env': {
            const standard = STANDARD_ENV[name];
            if (standard)
                return { role: standard, strong: true };
            const role = roleFromName(name);
            return { role, strong: role !== null };
        }
        case 'with': {
            const uses = site.ctx.step?.uses ?? '';
            if (key_uses_DOCKER_LOGIN.test(uses) && ECR_REGISTRY.test(site.ctx.withText.get('registry') ?? '')) {
                if (name === 'username')
                    return { role: 'id', strong: true };
                if (name === 'password')
                    return { role: 'secret', strong: true };
            }
            const strict = roleFromName(name);
            return { role: strict ?? roleFromSinkName(name), strong: strict !== null };
        }
        case 'caller': {
            const strict = roleFromName(name);
            return { role: strict ?? roleFromSinkName(name), strong: strict !== null };
        }
        default:
            return { role: null, strong: false };
    }
}
/** Secrets fed to strong sinks anywhere in the scan, with their role. */
function learnRoles(sites) {
    const known = new Map();
    for (const site of sites) {
        const { role, strong } = sinkRole(site);
        if (!role || !strong)
            continue;
        for (const s of site.refs.secrets)
            learn(known, s.name, role);
        for (const e of site.refs.env) {
            for (const s of envValue(site, e.name)?.secrets ?? [])
                learn(known, s.name, role);
        }
    }
    return known;
}
function learn(known, name, role) {
    const key = name.toUpperCase();
    if (!known.has(key))
        known.set(key, role);
}
/** The key material in one site's value (empty when none). */
function keyUses(site, known) {
    const { role: sinkGuess, strong } = sinkRole(site);
    // A reusable workflow's secret is key material only with AWS evidence: the name it is
    // passed as, its consumer in the callee, or its own name (`JWT_SECRET_KEY` is none of these).
    const sink = site.where === 'caller' && !strong ? null : sinkGuess;
    const refs = site.refs;
    const conditional = refs.conditional;
    const uses = [];
    const roleOf = (name, offset) => sink ??
        (site.where === 'caller' ? callerRole(site, name, sinkGuess, known) : null) ??
        known.get(name.toUpperCase()) ??
        roleFromName(name) ??
        (offset !== null ? (roleInScript(site, offset) ?? roleFromArgName(name)) : null);
    for (const s of refs.secrets) {
        const role = roleOf(s.name, site.where === 'run' ? s.offset : null);
        if (role)
            uses.push({ site, role, secret: s.name, via: 'secret', detail: s.name, conditional });
    }
    // `${{ env.X }}` counts where the value is handed on (inputs, env); in scripts and conditions
    // the env entry X is itself the finding.
    const handsOn = site.where !== 'run' && site.where !== 'other';
    for (const e of handsOn ? refs.env : []) {
        const value = envValue(site, e.name);
        for (const s of value?.secrets ?? []) {
            const role = sink ?? roleFromName(e.name) ?? known.get(s.name.toUpperCase()) ?? roleFromName(s.name);
            if (role) {
                uses.push({
                    site,
                    role,
                    secret: s.name,
                    via: 'env',
                    detail: e.name,
                    conditional: conditional || (value?.conditional ?? false)
                });
            }
        }
    }
    const strongSink = sink !== null && (site.where === 'cac' || STANDARD_ENV[site.name ?? ''] !== undefined);
    if (strongSink) {
        for (const i of refs.inputs)
            uses.push({ site, role: sink, secret: null, via: 'input', detail: i.name, conditional });
    }
    for (const d of refs.dynamicSecrets) {
        // `secrets[matrix.x]`: the matrix lists the candidate names.
        const candidates = matrixCandidates(site, d.name);
        for (const name of candidates) {
            const role = sink ?? known.get(name.toUpperCase()) ?? roleFromName(name);
            if (role)
                uses.push({ site, role, secret: name, via: 'dynamic', detail: d.name, conditional: true });
        }
        const role = sink ?? roleFromName(d.name);
        if (role && candidates.length === 0) {
            uses.push({ site, role, secret: null, via: 'dynamic', detail: d.name, conditional: true });
        }
    }
    for (let i = 0; i < refs.allSecrets.length; i++) {
        uses.push({
            site,
            role: null,
            secret: null,
            via: 'all-secrets',
            detail: 'toJSON(secrets)',
            conditional
        });
    }
    if (site.where === 'run')
        uses.push(...scriptOutputs(site), ...scriptInputs(site));
    if (site.where === 'cac' && uses.length === 0 && sink) {
        uses.push({ site, role: sink, secret: null, via: 'expression', detail: '', conditional });
    }
    return uses;
}
/**
 * The secret names a computed index can take when the job's matrix lists them:
 * `secrets[matrix.x]`, `secrets[format('{0}_AWS_ACCESS_KEY_ID', matrix.x)]`.
 */
function matrixCandidates(site, index) {
    const direct = /^matrix\s*\.\s*([\w-]+)$/i.exec(index);
    if (direct)
        return [...(site.ctx.matrix.get(direct[1]) ?? [])];
    const formatted = /^format\s*\(\s*'([^']*)'\s*,\s*matrix\s*\.\s*([\w-]+)\s*\)$/i.exec(index);
    if (!formatted)
        return [];
    const template = formatted[1];
    return (site.ctx.matrix.get(formatted[2]) ?? []).map((v) => template.split('{0}').join(v));
}
/**
 * The role of a secret passed to a reusable workflow under a loose name (`secret_key`), from
 * the evidence for it: the callee reading it as key material (learned as the passed name), or
 * an AWS word in the passed name or the secret's own name. Null without evidence.
 */
function callerRole(site, secret, loose, known) {
    const consumer = known.get((site.name ?? '').toUpperCase());
    if (consumer)
        return consumer;
    if (loose === null)
        return null;
    return awsWord(site.name ?? '') || awsWord(secret) ? loose : null;
}
/** A script that logs the AWS CLI in: `aws configure set`, a credentials file, the key names. */
const WRITES_AWS_LOGIN = /aws\s+configure|\.aws\/credentials|AWS_SHARED_CREDENTIALS_FILE|aws_access_key_id|aws_secret_access_key/i;
/**
 * Keys a composite action's script writes from its own inputs (`aws configure set
 * aws_access_key_id ${{ inputs.access_key_id }}`, a credentials file): the callers' keys reach
 * the AWS login through this action, as with inputs passed to configure-aws-credentials.
 */
function scriptInputs(site) {
    const text = site.ctx.runText;
    if (!site.ctx.composite || text === null || !WRITES_AWS_LOGIN.test(text))
        return [];
    if (/session[_-]?token/i.test(text))
        return [];
    const uses = [];
    for (const i of site.refs.inputs) {
        const role = roleInScript(site, i.offset) ?? roleFromSinkName(i.name);
        if (role === 'id' || role === 'secret') {
            uses.push({ site, role, secret: null, via: 'input', detail: i.name, conditional: false });
        }
    }
    return uses;
}
const OUTPUT_EXPR = /^\s*(?:steps|needs)\s*\.\s*[\w-]+\s*\.\s*outputs\s*\.\s*[\w-]+\s*$/i;
/**
 * Keys a script writes from step or job outputs (`aws configure set aws_access_key_id
 * ${{ steps.vault.outputs.KEY }}`): long-lived keys from somewhere other than a GitHub secret.
 * A script that also writes a session token handles temporary credentials and is left alone.
 */
function scriptOutputs(site) {
    const text = site.ctx.runText;
    if (text === null || /session[_-]?token/i.test(text))
        return [];
    const uses = [];
    for (const { body, offset } of expressionsOf(text)) {
        if (!OUTPUT_EXPR.test(body))
            continue;
        const role = roleInScript(site, offset - 3);
        if (role === 'id' || role === 'secret') {
            uses.push({
                site,
                role,
                secret: null,
                via: 'expression',
                detail: body.trim(),
                conditional: false
            });
        }
    }
    return uses;
}
/** The references of `env.NAME` as seen from the site (its own map excluded). */
function envValue(site, name) {
    const own = site.where === 'env' ? site.path.slice(0, -1).join('\u0000') : null;
    for (const scope of site.ctx.envScopes) {
        if (own !== null && scope.path.join('\u0000') === own)
            continue;
        const v = scope.values.get(name);
        if (v)
            return v.refs;
    }
    return null;
}
/**
 * In a `run:` script, the words just before a secret reference on its line tell its role:
 * `aws_access_key_id=${{ secrets.X }}`, `aws configure set aws_secret_access_key ${{ ... }}`,
 * `--key ${{ ... }}` / `--secret ${{ ... }}` (serverless), `AWS_SESSION_TOKEN=...`.
 */
function roleInScript(site, offset) {
    const text = site.ctx.runText;
    if (text === null)
        return null;
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    const before = text.slice(Math.max(lineStart, offset - 80), offset).replace(/\$\{\{\s*$/, '');
    const word = /([A-Za-z0-9_-]+)["']?\s*[=:]?\s*["']?$/.exec(before)?.[1] ?? '';
    if (/^--key$/i.test(word))
        return 'id';
    if (/^--secret$/i.test(word))
        return 'secret';
    return roleFromArgName(word);
}

;// CONCATENATED MODULE: ./src/workflows/scan/reasons.ts
const KIND_LABEL = {
    'configure-aws-credentials': 'configure-aws-credentials step',
    env: 'env map',
    'action-input': 'action step',
    'reusable-workflow-secret': 'reusable workflow',
    'reusable-workflow-caller': 'reusable workflow call',
    'reusable-workflow-inherit': 'reusable workflow call',
    'dynamic-secret': 'step',
    'key-export': 'step',
    'non-aws': 'step',
    ambiguous: 'step'
};
function kindReason(why, f) {
    const keys = f.names.length > 0 ? f.names.join(' and ') : 'the keys';
    const entry = f.entry ?? '?';
    switch (why.reason) {
        case 'cac':
            return `configure-aws-credentials logs in with the static keys ${keys}; rewritten to role-to-assume with id-token: write.`;
        case 'cac-chain':
            return `configure-aws-credentials uses the static keys ${keys} only to assume ${f.roleToAssume ?? 'a role'} (role chaining); rewritten to assume a role through OIDC.`;
        case 'cac-chain-unknown':
            return `configure-aws-credentials uses the static keys ${keys} only to assume the role in role-to-assume (${f.roleToAssume ?? ''}), which is not a literal role ARN: that role trusts the IAM user, not GitHub, so the keys stay. Write the role's ARN in role-to-assume instead; the migration then makes that role trust GitHub and removes the keys.`;
        case 'cac-dynamic':
            return `configure-aws-credentials takes keys chosen at run time (${f.via ?? keys}), so no single role can replace them; map each case to a role by hand.`;
        case 'cac-input':
            return `configure-aws-credentials takes keys from the input ${f.via ?? '?'}, not from a secret; change this action together with its callers so they pass a role instead.`;
        case 'cac-expression':
            return 'configure-aws-credentials takes keys from an expression that is not a secret (step or job outputs); trace where they come from and migrate by hand.';
        case 'session-token':
            return `Temporary credentials are stored as secrets (${keys}); find the principal that issues them and migrate by hand.`;
        case 'partition':
            return `The keys ${keys} are for the ${f.partition ?? 'aws-cn'} partition, which needs its own OIDC provider and role there; migrate by hand.`;
        case 'env-app-config':
            return `The keys ${keys} sit among ${f.others ?? 0} other secrets in this env map, the configuration of a program or test suite; check that it accepts temporary credentials (AWS_SESSION_TOKEN) and migrate by hand.`;
        case 'with-hand-on':
            return `The keys ${keys} are handed on through the input ${entry} of ${f.uses ?? 'an action'} (build arguments, scripts or env of another process); migrate by hand.`;
        case 'run-expression':
            return `A run script writes keys that come from ${f.via ?? 'an expression'}, not from a GitHub secret (for example a vault); migrate by hand.`;
        case 'ambiguous-endpoint':
            return `The keys ${keys} are named for AWS, but ${f.endpoint ?? 'an endpoint'} in scope points at an S3-compatible service that is not AWS; check which service these keys are for: if AWS, scope the endpoint to the step that needs it and migrate; if not, name the secrets for that service.`;
        case 'run-input':
            return `A composite action's run script writes the keys from its input ${f.via ?? '?'} into the AWS login (aws configure, a credentials file); change this action together with its callers so they pass a role instead.`;
        case 'generated':
            return `The ${KIND_LABEL[why.kind]} uses the static keys ${keys}, but this file says it is generated or synced ("${f.header ?? ''}"); migrate its source instead.`;
        case 'composite-secrets':
            return `A composite action reads the secrets ${keys}, which the secrets context does not provide there; fix the action by hand.`;
        case 'shared':
            return `The keys ${keys} sit in a YAML anchor or alias shared with other places; edit by hand.`;
        case 'all-secrets':
            return 'The whole secrets context is handed over (toJSON(secrets)), so key secrets may leave the workflow unseen; review what the receiver does with AWS keys.';
        case 'dynamic':
            return `The key secret is chosen at run time (${f.via ?? keys}); map each case to a role by hand.`;
        case 'non-aws':
            return `The keys ${keys} are for an S3-compatible service that is not AWS (custom endpoint, R2, MinIO); they cannot become an AWS role and are left as they are.`;
        case 'env':
            return `The env map sets the runner's AWS credentials from ${keys}; replaced by a configure-aws-credentials step with role-to-assume.`;
        case 'env-other-name':
            return `The keys ${keys} are copied into ${entry}, a variable the AWS tools do not read by themselves (a program, test or later step reads it); migrate by hand.`;
        case 'env-input':
            return `The AWS credentials come from the input ${f.via ?? '?'}, not from a secret; change this action together with its callers by hand.`;
        case 'env-mixed-names':
            return `The same env map also passes ${keys} under other names, so a program reads them directly; migrate by hand.`;
        case 'env-action':
            return `The action ${f.uses ?? '?'} reads the keys ${keys} from its env; check that it accepts temporary credentials (AWS_SESSION_TOKEN) before migrating by hand.`;
        case 'container':
            return `The keys ${keys} are passed into a job or service container's env; migrate by hand.`;
        case 'with':
            return `The keys ${keys} are passed to ${f.uses ?? 'an action'} as input ${entry}; migrate by hand: authenticate with role-to-assume first and drop the inputs if the action can use ambient credentials.`;
        case 'with-local':
            return `The keys ${keys} are passed to the local action ${f.uses ?? '?'} as input ${entry}; change that action and this step together by hand.`;
        case 'run':
            return `A run script writes or passes the keys ${keys} itself (files, env, CLI arguments); migrate by hand.`;
        case 'caller':
            return `The keys ${keys} are passed to a reusable workflow as secret ${entry}; stop passing them once it assumes a role, and give this job id-token: write.`;
        case 'condition':
            return `A condition tests the key secret ${keys}; it changes meaning once the keys are retired, so review it by hand.`;
        case 'other':
            return `The key secret ${keys} is used in ${entry}; migrate by hand.`;
        case 'callee':
            return `This reusable workflow takes ${keys} as secrets from its callers; make them optional and assume a role instead.`;
        case 'docker-ecr':
            return `docker/login-action logs in to ECR with the static keys ${keys} as username and password; rewritten to a configure-aws-credentials step with role-to-assume before it, and the login uses the role's credentials.`;
        case 'callee-migrated':
            return `This reusable workflow takes ${keys} as secrets from its callers and every use of them in it is rewritten: they become optional (required: false), unused, and the workflow assumes a role itself.`;
        case 'caller-migrated':
            return `The keys ${keys} are passed to ${f.callee ?? 'a reusable workflow'}, which now assumes a role itself; rewritten: this job stops passing them and gets id-token: write.`;
        case 'inherit-migrated':
            return `secrets: inherit hands ${keys} to ${f.callee ?? 'a reusable workflow'}, which now assumes a role instead of using them; rewritten: this job gets id-token: write.`;
        case 'callers-differ':
            return `Callers pass different keys (${f.via ?? '?'}) as the secrets ${keys} of this reusable workflow, so no single role replaces them; give it a role input and migrate by hand.`;
        case 'env-step-by-hand':
            return `The step's env sets the keys ${keys}, and the same step also uses keys by hand (line ${f.via ?? '?'}); its env entries cannot go alone: migrate the step by hand.`;
        case 'pull-request-target-head':
            return `This job runs on pull_request_target and checks out the pull request's head (${f.via ?? '?'}) and runs it, so code from any fork would run with the AWS role; the keys ${keys} are not rewritten: check out the base instead, or set allow-pull-request-target: true.`;
        case 'inherit':
            return `secrets: inherit hands ${keys} to ${f.callee ?? 'a reusable workflow'}, which uses them as AWS keys; migrate it by hand and give this job id-token: write.`;
    }
}

;// CONCATENATED MODULE: ./src/workflows/scan/sites.ts
/** The repository path of a local reusable workflow (`./.github/workflows/x.yml@ref`), or null. */
function localCallee(uses) {
    const t = uses.trim();
    return t.startsWith('./') ? t.slice(2).replace(/@.*$/, '') : null;
}
/** A stable grouping key for a path. */
function pathKey(path) {
    return path.join('\u0000');
}
/**
 * Whether the file reads a secret by name (secret names are case-insensitive). A file that
 * indexes the secrets context, hands it over whole or passes it on with `secrets: inherit`
 * may read any of them.
 */
function referencedSecrets(file) {
    const names = new Set();
    let any = file.inheritCalls.length > 0;
    for (const site of file.sites) {
        if (site.where === 'callee')
            continue;
        for (const s of site.refs.secrets)
            names.add(s.name.toUpperCase());
        if (site.refs.dynamicSecrets.length > 0 || site.refs.allSecrets.length > 0)
            any = true;
    }
    return (name) => any || names.has(name.toUpperCase());
}

;// CONCATENATED MODULE: ./src/workflows/scan/yaml-nodes.ts
/**
 * Small helpers over the `yaml` node tree: aliases, map entries (with `<<` merges), scalar
 * text, and 1-based source positions through a `LineCounter`.
 */

/** The source of a parsed text, before its walk. */
function yaml_nodes_sourceOf(doc, lines, text) {
    const secretWords = [...text.matchAll(/secrets/gi)].map((m) => m.index ?? 0);
    return { doc, lines, text, secretWords, unresolved: [] };
}
/** Follows an alias to its anchored node. */
function deref(src, node, shared = false) {
    if ((0,dist/* isAlias */.Vj)(node)) {
        const target = node.resolve(src.doc);
        if (!target)
            noteUnresolved(src, node.source, node.range?.[0] ?? 0);
        return { node: target ?? null, shared: true };
    }
    if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node) || (0,dist/* isScalar */.jn)(node)) {
        return { node, shared: shared || node.anchor !== undefined };
    }
    return { node: null, shared };
}
function noteUnresolved(src, name, offset) {
    if (!src.unresolved.some((u) => u.offset === offset))
        src.unresolved.push({ name, offset });
}
/** The string form of a scalar key or value (numbers and booleans as written); null otherwise. */
function scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return null;
    const v = node.value;
    if (v === null || v === undefined)
        return null;
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') {
        return node.source ?? String(v);
    }
    return null;
}
/** The entries of a map node in order; `<<: *anchor` merges come after, without overriding. */
function entries(src, reached) {
    const { node, shared } = reached;
    return (0,dist/* isMap */.jh)(node) ? listEntries(src, node, shared) : [];
}
function listEntries(src, node, shared) {
    const out = [];
    const merged = [];
    for (const pair of node.items) {
        const keyNode = (0,dist/* isAlias */.Vj)(pair.key) ? (pair.key.resolve(src.doc) ?? null) : pair.key;
        const key = keyText(keyNode);
        if (key === null)
            continue;
        if (key === '<<' && (0,dist/* isScalar */.jn)(keyNode) && keyNode.type === 'PLAIN') {
            const sources = (0,dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value];
            for (const s of sources) {
                const target = deref(src, s, true);
                if (target.node !== node)
                    merged.push(...entries(src, target));
            }
            continue;
        }
        const value = deref(src, pair.value, shared);
        out.push({ key, keyNode: keyNode, node: value.node, shared: value.shared });
    }
    for (const m of merged)
        if (!out.some((e) => e.key === m.key))
            out.push(m);
    return out;
}
function keyText(key) {
    if (!(0,dist/* isScalar */.jn)(key))
        return null;
    const v = key.value;
    if (typeof v === 'string')
        return v;
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    if (typeof v === 'number')
        return String(v);
    return null;
}
/** The entry of a map with this key, or undefined (without listing the whole map). */
function entry(src, reached, key) {
    const { node, shared } = reached;
    if (!(0,dist/* isMap */.jh)(node))
        return undefined;
    let merges = false;
    for (const pair of node.items) {
        const k = pair.key;
        const text = (0,dist/* isScalar */.jn)(k) ? k.value : undefined;
        if (text === key || (key === 'true' && text === true)) {
            const value = deref(src, pair.value, shared);
            return { key, keyNode: k, node: value.node, shared: value.shared };
        }
        if (text === '<<' || (0,dist/* isAlias */.Vj)(k))
            merges = true;
    }
    return merges ? listEntries(src, node, shared).find((e) => e.key === key) : undefined;
}
/** The items of a sequence node (aliases followed). */
function items(src, reached) {
    const { node, shared } = reached;
    if (!(0,dist/* isSeq */.oP)(node))
        return [];
    return node.items.map((item) => deref(src, item, shared));
}
function rangeOf(node) {
    const r = node?.range;
    return r ? [r[0], r[1]] : null;
}
/** 1-based line and column of a source offset. */
function position(src, offset) {
    const { line, col } = src.lines.linePos(offset);
    return { line, column: col };
}
/**
 * The source offset of the first match of `pattern` inside the range's source text, or the
 * range's start. Scalars keep their expressions verbatim in the source (plain, quoted, block),
 * so this points at the reference itself, also inside a multi-line `run:` script.
 */
function offsetOfMatch(src, range, pattern) {
    if (!range)
        return 0;
    const m = pattern.exec(src.text.slice(range[0], range[1]));
    return m ? range[0] + m.index : range[0];
}

;// CONCATENATED MODULE: ./src/workflows/scan/classify.ts







const NO_PAIR = { accessKeyId: null, secretAccessKey: null, sessionToken: null };
/** Inputs of other actions that hand values on to a build or a script rather than log in. */
const HAND_ON_INPUT = /^(build[-_]?args|args|arguments|env|environment|envs|secrets|script|run|command|cmd)$/i;
function buildFindings(src, file, known) {
    const sites = file.sites;
    const groups = new Map();
    const callees = [];
    for (const site of sites) {
        if (site.where === 'callee') {
            callees.push(site);
            continue;
        }
        const uses = keyUses(site, known);
        if (uses.length === 0)
            continue;
        const id = `${site.where}\u0001${site.group}`;
        const list = groups.get(id);
        if (list)
            list.push(...uses);
        else
            groups.set(id, [...uses]);
    }
    const out = [];
    for (const uses of groups.values())
        out.push(...groupFindings(src, uses));
    const referenced = referencedSecrets(file);
    out.push(...calleeFindings(src, 
    // A declared secret that is optional and never read carries no key into this workflow.
    callees.filter((c) => c.required === true || referenced(c.name ?? '')), known));
    const header = generatedHeader(src.text);
    if (header === null)
        return out;
    // A generated or synced copy is rewritten at its source, not here.
    return out.map((f) => f.migration === 'automatic'
        ? {
            ...f,
            migration: 'manual',
            reason: kindReason({ ...f, reason: 'generated' }, { names: f.secrets, header })
        }
        : f);
}
function groupFindings(src, uses) {
    const where = uses[0].site.where;
    if (where === 'cac')
        return [cacFinding(src, uses)];
    const out = [];
    const indirect = uses.filter((u) => (u.via === 'input' || u.via === 'expression') && !u.conditional);
    const fixed = uses.filter((u) => u.secret !== null && !u.conditional && !indirect.includes(u));
    const loose = uses.filter((u) => !fixed.includes(u) && !indirect.includes(u));
    if (indirect.length > 0)
        out.push(indirectFinding(src, where, indirect));
    // Run-time choices and whole-context hand-overs: one finding per group (env map, input map, script).
    if (loose.length > 0)
        out.push(looseFinding(src, loose));
    for (const pair of pairUp(roled(fixed))) {
        const names = pairSecrets(pair);
        const mine = fixed.filter((u) => names.includes(u.secret));
        if (mine.length > 0)
            out.push(pairFinding(src, where, pair, mine));
    }
    return out;
}
function roled(uses) {
    return uses
        .filter((u) => u.secret !== null && u.role !== null)
        .map((u) => ({ name: u.secret, role: u.role }));
}
const ROLE_ORDER = { id: 0, secret: 1, token: 2 };
/** The use to point at: standard env entries first, then the id (else secret, else token). */
function lead(uses) {
    return [...uses].sort((a, b) => Number(!isStandard(a.site)) - Number(!isStandard(b.site)) ||
        (a.role ? ROLE_ORDER[a.role] : 3) - (b.role ? ROLE_ORDER[b.role] : 3))[0];
}
function isStandard(site) {
    return site.where === 'env' && STANDARD_ENV[site.name ?? ''] !== undefined;
}
function cacFinding(src, uses) {
    const at = lead(uses);
    const ctx = at.site.ctx;
    const pairs = pairUp(roled(uses));
    const cac = (migration, reason) => ({
        kind: 'configure-aws-credentials',
        migration,
        reason
    });
    let why;
    if (uses.some((u) => u.conditional || u.via === 'dynamic') || pairs.length > 1) {
        why = { kind: 'dynamic-secret', migration: 'manual', reason: 'cac-dynamic' };
    }
    else if (uses.some((u) => u.via === 'input'))
        why = cac('manual', 'cac-input');
    else if (uses.every((u) => u.via === 'expression'))
        why = cac('manual', 'cac-expression');
    else if (ctx.composite)
        why = cac('manual', 'composite-secrets');
    else if (uses.some((u) => u.site.shared))
        why = cac('manual', 'shared');
    else if (uses.some((u) => u.role === 'token'))
        why = cac('manual', 'session-token');
    else if (partition(ctx) !== null)
        why = cac('manual', 'partition');
    else if (ctx.roleToAssume !== null && !ROLE_ARN.test(ctx.roleToAssume.trim())) {
        // The keys go only when the chained role is known to trust GitHub after the migration.
        why = cac('manual', 'cac-chain-unknown');
    }
    else
        why = cac('automatic', ctx.roleToAssume !== null ? 'cac-chain' : 'cac');
    return finding(src, at, uses, mergePairs(pairs), why);
}
/** Keys from an input of a composite action, or from step outputs in a script. */
function indirectFinding(src, where, uses) {
    const at = lead(uses);
    let why;
    const service = serviceWhy(at.site.ctx, uses);
    if (service)
        why = service;
    else if (where === 'env')
        why = { kind: 'env', migration: 'manual', reason: 'env-input' };
    else if (uses.some((u) => u.via === 'input'))
        why = { kind: 'key-export', migration: 'manual', reason: 'run-input' };
    else
        why = { kind: 'key-export', migration: 'manual', reason: 'run-expression' };
    return finding(src, at, uses, NO_PAIR, why);
}
function looseFinding(src, uses) {
    const at = lead(uses);
    const pair = mergePairs(pairUp(roled(uses)));
    const dynamic = uses.some((u) => u.via === 'dynamic' || u.conditional);
    if (!dynamic)
        return finding(src, at, uses, pair, {
            kind: 'key-export',
            migration: 'manual',
            reason: 'all-secrets'
        });
    const service = serviceWhy(at.site.ctx, uses);
    if (service)
        return finding(src, at, uses, pair, service);
    return finding(src, at, uses, pair, {
        kind: 'dynamic-secret',
        migration: 'manual',
        reason: 'dynamic'
    });
}
function pairFinding(src, where, pair, mine) {
    const at = lead(mine);
    const ctx = at.site.ctx;
    const manual = (kind, reason) => finding(src, at, mine, pair, { kind, migration: 'manual', reason });
    const service = serviceWhy(ctx, mine);
    if (service)
        return finding(src, at, mine, pair, service);
    switch (where) {
        case 'env': {
            if (!mine.some((u) => isStandard(u.site)))
                return manual('key-export', 'env-other-name');
            // The same pair under other names in this map: a program reads them, not the AWS tools.
            if (mine.some((u) => !isStandard(u.site)))
                return finding(src, lead(mine.filter((u) => !isStandard(u.site))), mine, pair, {
                    kind: 'key-export',
                    migration: 'manual',
                    reason: 'env-mixed-names'
                });
            if (ctx.composite)
                return manual('env', 'composite-secrets');
            if (mine.some((u) => u.site.shared))
                return manual('env', 'shared');
            if (mine.some((u) => u.role === 'token'))
                return manual('env', 'session-token');
            if (partition(ctx) !== null)
                return manual('env', 'partition');
            if (ctx.step !== null && ctx.step.uses !== null && ctx.runText === null)
                return manual('env', 'env-action');
            if (otherSecretsInMap(ctx, mine) >= APP_CONFIG_SECRETS)
                return manual('env', 'env-app-config');
            return finding(src, at, mine, pair, { kind: 'env', migration: 'automatic', reason: 'env' });
        }
        case 'container-env':
            return manual('key-export', 'container');
        case 'with': {
            if (HAND_ON_INPUT.test(at.site.name ?? ''))
                return manual('key-export', 'with-hand-on');
            if (ctx.composite)
                return manual('action-input', 'composite-secrets');
            const ecr = ecrLogin(ctx, pair, mine);
            if (ecr === null)
                return manual('action-input', local(ctx) ? 'with-local' : 'with');
            if (mine.some((u) => u.site.shared))
                return manual('action-input', 'shared');
            if (regionPartition(ecr) !== null)
                return manual('action-input', 'partition');
            return finding(src, at, mine, pair, {
                kind: 'action-input',
                migration: 'automatic',
                reason: 'docker-ecr'
            });
        }
        case 'run':
            return manual('key-export', 'run');
        case 'caller':
            return manual('reusable-workflow-caller', 'caller');
        default:
            return manual('key-export', at.site.path[at.site.path.length - 1] === 'if' ? 'condition' : 'other');
    }
}
/** Not AWS (never counts), or ambiguous (counts, by hand) from this pair's evidence; null for AWS. */
function serviceWhy(ctx, uses) {
    const verdict = awsVerdict(ctx, uses);
    if (verdict === null)
        return null;
    return verdict.verdict === 'non-aws'
        ? { kind: 'non-aws', migration: 'not-migrated', reason: 'non-aws' }
        : { kind: 'ambiguous', migration: 'manual', reason: 'ambiguous-endpoint' };
}
function local(ctx) {
    return (ctx.step?.uses ?? '').trim().startsWith('./');
}
function calleeFindings(src, callees, known) {
    const roles = [];
    for (const site of callees) {
        const name = site.name ?? '';
        const role = known.get(name.toUpperCase()) ?? roleFromName(name);
        if (role)
            roles.push({ site, role, secret: name, via: 'secret', detail: name, conditional: false });
    }
    return pairUp(roled(roles)).map((pair) => {
        const names = pairSecrets(pair);
        const uses = roles.filter((u) => names.includes(u.secret));
        const why = names.some(nonAwsName)
            ? { kind: 'non-aws', migration: 'not-migrated', reason: 'non-aws' }
            : { kind: 'reusable-workflow-secret', migration: 'manual', reason: 'callee' };
        return finding(src, lead(uses), uses, pair, why);
    });
}
/**
 * `secrets: inherit` callers of a reusable workflow of this repository (`uses: ./...`) whose
 * findings name key secrets: one finding per pair of the callee.
 */
function inheritFindings(src, calls, byFile) {
    const out = [];
    for (const call of calls) {
        const path = localCallee(call.uses);
        const callee = path === null ? undefined : byFile.get(path);
        if (!callee)
            continue;
        const seen = new Set();
        for (const f of callee) {
            if (f.kind === 'non-aws' || f.secrets.length === 0)
                continue;
            const names = pairSecrets(f.pair);
            const key = names.join('/');
            if (names.length === 0 || seen.has(key))
                continue;
            seen.add(key);
            out.push({
                ...base(call.ctx),
                ...position(src, call.range?.[0] ?? 0),
                kind: 'reusable-workflow-inherit',
                migration: 'manual',
                reason: kindReason({ kind: 'reusable-workflow-inherit', migration: 'manual', reason: 'inherit' }, { callee: call.uses.trim(), names }),
                secrets: names,
                pair: f.pair,
                path: call.path,
                roleToAssume: null
            });
        }
    }
    return out;
}
function finding(src, at, uses, pair, why) {
    const site = at.site;
    const offset = site.where === 'callee' ? (site.range?.[0] ?? 0) : offsetOfMatch(src, site.range, pattern(at));
    const secrets = sortedUnique(uses.map((u) => u.secret).filter((s) => s !== null));
    return {
        ...base(site.ctx),
        ...position(src, offset),
        kind: why.kind,
        migration: why.migration,
        reason: kindReason(why, {
            names: secrets,
            entry: site.name,
            via: uses.find((u) => u.via !== 'secret' && u.via !== 'all-secrets')?.detail ?? null,
            roleToAssume: site.ctx.roleToAssume,
            uses: site.ctx.step?.uses ?? null,
            partition: why.reason === 'partition'
                ? (partition(site.ctx) ??
                    regionPartition(ecrRegion(site.ctx.withText.get('registry') ?? null)))
                : null,
            others: why.reason === 'env-app-config' ? otherSecretsInMap(site.ctx, uses) : 0,
            endpoint: endpointOf(why, site.ctx, uses)
        }),
        secrets,
        pair,
        path: site.path,
        roleToAssume: site.where === 'cac' ? site.ctx.roleToAssume : null
    };
}
function endpointOf(why, ctx, uses) {
    const verdict = why.reason === 'ambiguous-endpoint' ? awsVerdict(ctx, uses) : null;
    return verdict?.verdict === 'ambiguous' ? verdict.endpoint : null;
}
function base(ctx) {
    return {
        file: ctx.file,
        job: ctx.job,
        step: ctx.step,
        triggers: ctx.triggers,
        environment: ctx.environment,
        permissions: ctx.permissions
    };
}
/** Where in the value's source the use is written. */
function pattern(u) {
    const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    switch (u.via) {
        case 'secret':
            return new RegExp(`secrets\\s*(?:\\.\\s*${esc(u.detail)}(?![\\w-])|\\[\\s*['"]${esc(u.detail)}['"])`, 'i');
        case 'env':
            return new RegExp(`env\\s*\\.\\s*${esc(u.detail)}(?![\\w-])`, 'i');
        case 'input':
            return new RegExp(`inputs\\s*\\.\\s*${esc(u.detail)}(?![\\w-])`, 'i');
        case 'dynamic':
            return /secrets\s*\[/i;
        case 'all-secrets':
            return /toJSON\s*\(\s*secrets/i;
        default:
            return u.detail !== '' ? new RegExp(esc(u.detail)) : /\$\{\{/;
    }
}
/** One pair from several (the first name of each side). */
function mergePairs(pairs) {
    return {
        accessKeyId: pairs.find((p) => p.accessKeyId !== null)?.accessKeyId ?? null,
        secretAccessKey: pairs.find((p) => p.secretAccessKey !== null)?.secretAccessKey ?? null,
        sessionToken: pairs.find((p) => p.sessionToken !== null)?.sessionToken ?? null
    };
}

;// CONCATENATED MODULE: ./src/workflows/scan/job-facts.ts

/** The job's environment: `environment: NAME` or `environment: {name: NAME}`; null when none. */
function readEnvironment(src, job) {
    const env = entry(src, job, 'environment');
    if (!env)
        return null;
    const direct = scalarText(env.node);
    if (direct !== null)
        return direct;
    const name = entry(src, env, 'name');
    return name ? scalarText(name.node) : null;
}
/** A `permissions:` value of a map (workflow root or job); null when absent. */
function readPermissions(src, owner) {
    const p = entry(src, owner, 'permissions');
    if (!p)
        return null;
    const text = scalarText(p.node);
    if (text === 'read-all' || text === 'write-all')
        return text;
    const scopes = {};
    for (const e of entries(src, p)) {
        const v = scalarText(e.node);
        if (v !== null)
            scopes[e.key] = v;
    }
    return scopes;
}
/** Scalar values of `strategy.matrix` by name, from its lists and its `include` entries. */
function matrixValues(src, job) {
    const out = new Map();
    const strategy = entry(src, job, 'strategy');
    const matrix = strategy ? entry(src, strategy, 'matrix') : undefined;
    const add = (name, value) => {
        const t = scalarText(value);
        if (t === null)
            return;
        const list = out.get(name) ?? [];
        if (!list.includes(t))
            list.push(t);
        out.set(name, list);
    };
    for (const e of matrix ? entries(src, matrix) : []) {
        const rows = items(src, e);
        if (e.key === 'include' || e.key === 'exclude') {
            if (e.key === 'exclude')
                continue;
            for (const row of rows)
                for (const cell of entries(src, row))
                    add(cell.key, cell.node);
        }
        else {
            for (const row of rows)
                add(e.key, row.node);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/workflows/scan/triggers.ts

/** The `on:` entry of the workflow root (also a `true:` key). */
function onEntry(src, root) {
    return entry(src, root, 'on') ?? entry(src, root, 'true');
}
function readTriggers(src, root) {
    const on = onEntry(src, root);
    if (!on)
        return [];
    const single = scalarText(on.node);
    if (single !== null)
        return [bare(single)];
    const list = items(src, on);
    if (list.length > 0) {
        return list
            .map((i) => scalarText(i.node))
            .filter((e) => e !== null)
            .map(bare);
    }
    return entries(src, on).map((e) => ({
        event: e.key,
        branches: filter(src, e, 'branches'),
        branchesIgnore: filter(src, e, 'branches-ignore'),
        tags: filter(src, e, 'tags'),
        tagsIgnore: filter(src, e, 'tags-ignore'),
        types: filter(src, e, 'types')
    }));
}
function bare(event) {
    return { event, branches: null, branchesIgnore: null, tags: null, tagsIgnore: null, types: null };
}
/** A filter as a list (a single string becomes a one-element list); null when absent. */
function filter(src, event, name) {
    const f = entry(src, event, name);
    if (!f)
        return null;
    const one = scalarText(f.node);
    if (one !== null)
        return [one];
    return items(src, f)
        .map((i) => scalarText(i.node))
        .filter((s) => s !== null);
}

;// CONCATENATED MODULE: ./src/workflows/scan/walk-other.ts
/**
 * The catch-all walk: every scalar not read by a specific rule (an `if:`, a job output, a matrix
 * value, ...) that references the secrets context becomes an `other` site.
 */




/**
 * Every other scalar under `node` with a secret reference becomes an `other` site. Walks the
 * raw tree with one path stack (copied only for a site): this walk visits every node.
 */
function walkOther(src, node, path, ctx, sites, skip) {
    const stack = [...path];
    walkRaw(src, node.node, node.shared, stack, ctx, sites, skip, 0);
}
/** Whether the node's source text holds the word `secrets` (else no subtree holds a reference). */
function mentionsSecrets(src, node) {
    const range = node.range;
    if (!range)
        return true;
    const offsets = src.secretWords;
    // First offset >= range start (binary search), then whether it lies before the range end.
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (offsets[mid] < range[0])
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < offsets.length && offsets[lo] < range[2];
}
const NO_SKIP = new Set();
/** Deeper than this, a tree is a YAML bomb or an alias loop: stop. */
const MAX_DEPTH = 64;
function walkRaw(src, node, shared, stack, ctx, sites, skip, depth) {
    if (depth > MAX_DEPTH)
        return;
    if ((0,dist/* isAlias */.Vj)(node)) {
        walkRaw(src, deref(src, node).node, true, stack, ctx, sites, skip, depth + 1);
        return;
    }
    if ((0,dist/* isScalar */.jn)(node)) {
        const t = node.value;
        // Every reference this walk looks for names the secrets context.
        if (typeof t !== 'string' || !SECRETS_WORD.test(t))
            return;
        const last = stack[stack.length - 1];
        const refs = referencesIn(t, last === 'if');
        if (refs.secrets.length + refs.dynamicSecrets.length + refs.allSecrets.length === 0)
            return;
        const path = [...stack];
        sites.push({
            ctx,
            where: 'other',
            name: typeof last === 'string' ? last : null,
            path,
            range: rangeOf(node),
            refs,
            group: pathKey(path),
            shared: shared || node.anchor !== undefined
        });
        return;
    }
    if (((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) && !mentionsSecrets(src, node))
        return;
    if ((0,dist/* isMap */.jh)(node)) {
        const inner = shared || node.anchor !== undefined;
        for (const pair of node.items) {
            const k = scalarText((0,dist/* isAlias */.Vj)(pair.key) ? pair.key.resolve(src.doc) : pair.key);
            if (k === null || skip.has(k))
                continue;
            stack.push(k);
            walkRaw(src, pair.value, inner, stack, ctx, sites, NO_SKIP, depth + 1);
            stack.pop();
        }
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        const inner = shared || node.anchor !== undefined;
        node.items.forEach((item, i) => {
            stack.push(i);
            walkRaw(src, item, inner, stack, ctx, sites, NO_SKIP, depth + 1);
            stack.pop();
        });
    }
}
const SECRETS_WORD = /secrets/i;

;// CONCATENATED MODULE: ./src/workflows/scan/collect-sites.ts
/**
 * First half of the scan: walks one parsed workflow or composite action and lists every
 * "site", a YAML value holding a `${{ }}` expression, with where it sits (configure-aws-credentials
 * input, env entry, action input, run script, reusable-workflow secrets, ...) and the context a
 * finding needs (job, step, triggers, environment, permissions, env scopes). Deciding which
 * sites are AWS keys is `scan.ts`'s job, once every file's sites are known.
 */







/** `uses:` of this action (any ref): its `keys` input is not a use of the keys. */
const THIS_ACTION = /^\s*aws-keys-to-oidc\/aws-keys-to-oidc(@|$)/i;
const CAC = /^aws-actions\/configure-aws-credentials@/i;
const CAC_KEYS = new Set([
    'aws-access-key-id',
    'aws-secret-access-key',
    'aws-session-token'
]);
/** Whether `uses:` names aws-actions/configure-aws-credentials (any tag, branch or SHA). */
function isConfigureAwsCredentials(uses) {
    return uses !== null && CAC.test(uses.trim());
}
function collectSites(src, file) {
    const root = { node: src.doc.contents, shared: false };
    const out = { sites: [], calls: [], inheritCalls: [] };
    if (!(0,dist/* isMap */.jh)(root.node))
        return { kind: 'other', ...out };
    const runs = entry(src, root, 'runs');
    const jobs = entry(src, root, 'jobs');
    if (!jobs && runs && (0,dist/* isMap */.jh)(runs.node)) {
        collectComposite(src, file, runs, out.sites);
        return { kind: 'composite', ...out };
    }
    if (!jobs)
        return { kind: 'other', ...out };
    const top = workflowContext(src, root, file);
    collectTopLevel(src, root, top, out.sites);
    for (const job of entries(src, jobs))
        collectJob(src, job, top, out);
    return { kind: 'workflow', ...out };
}
/** The context of a file's top level: no job, no step, no env in scope yet. */
function fileContext(file, composite, triggers, permissions) {
    return {
        file,
        composite,
        job: null,
        step: null,
        stepPath: null,
        triggers,
        environment: null,
        permissions,
        envScopes: [],
        runText: null,
        withText: new Map(),
        roleToAssume: null,
        matrix: new Map()
    };
}
/** A composite action: its steps, then every other value under `runs:`. */
function collectComposite(src, file, runs, sites) {
    const base = fileContext(file, true, [], { workflow: null, job: null });
    const steps = entry(src, runs, 'steps');
    if (steps)
        walkSteps(src, steps, ['runs', 'steps'], base, sites);
    walkOther(src, runs, ['runs'], base, sites, new Set(['steps']));
}
/** A workflow's top-level context: its triggers, permissions and `env:` in scope. */
function workflowContext(src, root, file) {
    const triggers = readTriggers(src, root);
    const permissions = { workflow: readPermissions(src, root), job: null };
    const env = envScope(src, entry(src, root, 'env'), ['env']);
    return { ...fileContext(file, false, triggers, permissions), envScopes: env ? [env] : [] };
}
/** The declared `on.workflow_call.secrets`, the workflow `env:`, then every other top value. */
function collectTopLevel(src, root, top, sites) {
    const on = onEntry(src, root);
    const onKey = on ? (entries(src, root).find((e) => e.node === on.node)?.key ?? 'on') : 'on';
    const call = on ? entry(src, on, 'workflow_call') : undefined;
    const declared = call ? entry(src, call, 'secrets') : undefined;
    for (const e of declared ? entries(src, declared) : []) {
        sites.push({
            ctx: top,
            where: 'callee',
            name: e.key,
            path: [onKey, 'workflow_call', 'secrets', e.key],
            range: rangeOf(e.keyNode),
            refs: referencesIn(''),
            group: `${onKey}.workflow_call.secrets`,
            shared: e.shared,
            required: isTrue(entry(src, e, 'required')?.node ?? null)
        });
    }
    addEnvSites(src, entry(src, root, 'env'), ['env'], top, 'env', sites);
    walkOther(src, root, [], top, sites, new Set(['on', 'true', 'jobs', 'env']));
}
/**
 * One job: its `env:`, a reusable-workflow call's `secrets:` and `with:`, the env of its
 * container and services, its steps, then every other value of the job.
 */
function collectJob(src, job, top, out) {
    const jobPath = ['jobs', job.key];
    const jobEnv = envScope(src, entry(src, job, 'env'), [...jobPath, 'env']);
    const ctx = {
        ...top,
        job: job.key,
        stepPath: jobPath,
        environment: readEnvironment(src, job),
        permissions: { workflow: top.permissions.workflow, job: readPermissions(src, job) },
        envScopes: jobEnv ? [jobEnv, ...top.envScopes] : top.envScopes,
        matrix: matrixValues(src, job)
    };
    addEnvSites(src, entry(src, job, 'env'), [...jobPath, 'env'], ctx, 'env', out.sites);
    const skip = new Set(['env', 'steps', 'secrets', 'container', 'services']);
    if (addCallSites(src, job, jobPath, ctx, out))
        skip.add('with');
    addContainerSites(src, job, jobPath, ctx, out.sites);
    const steps = entry(src, job, 'steps');
    if (steps)
        walkSteps(src, steps, [...jobPath, 'steps'], ctx, out.sites);
    walkOther(src, job, jobPath, ctx, out.sites, skip);
}
/** A job calling a reusable workflow (`uses:`): the call, and what it passes. False otherwise. */
function addCallSites(src, job, jobPath, ctx, out) {
    const uses = entry(src, job, 'uses');
    const usesText = uses ? scalarText(uses.node) : null;
    if (usesText === null)
        return false;
    out.calls.push({ job: job.key, uses: usesText });
    const secrets = entry(src, job, 'secrets');
    if (secrets && scalarText(secrets.node) === 'inherit') {
        out.inheritCalls.push({
            ctx,
            uses: usesText,
            path: [...jobPath, 'secrets'],
            range: rangeOf(secrets.node)
        });
    }
    else if (secrets) {
        addMapSites(src, secrets, [...jobPath, 'secrets'], ctx, 'caller', out.sites);
    }
    const withs = entry(src, job, 'with');
    if (withs)
        addMapSites(src, withs, [...jobPath, 'with'], ctx, 'caller', out.sites);
    return true;
}
/** The env handed to the job's container and services, and their other values. */
function addContainerSites(src, job, jobPath, ctx, sites) {
    const container = entry(src, job, 'container');
    if (container) {
        const path = [...jobPath, 'container'];
        addEnvSites(src, entry(src, container, 'env'), [...path, 'env'], ctx, 'container-env', sites);
        walkOther(src, container, path, ctx, sites, new Set(['env']));
    }
    const services = entry(src, job, 'services');
    for (const svc of services ? entries(src, services) : []) {
        const path = [...jobPath, 'services', svc.key];
        addEnvSites(src, entry(src, svc, 'env'), [...path, 'env'], ctx, 'container-env', sites);
        walkOther(src, svc, path, ctx, sites, new Set(['env']));
    }
}
function walkSteps(src, steps, path, outer, sites) {
    items(src, steps).forEach((step, index) => {
        if (!(0,dist/* isMap */.jh)(step.node))
            return;
        const stepPath = [...path, index];
        const uses = collect_sites_text(src, step, 'uses');
        const withEntry = entry(src, step, 'with');
        const withText = new Map();
        for (const w of withEntry ? entries(src, withEntry) : []) {
            const t = scalarText(w.node);
            if (t !== null)
                withText.set(w.key, t);
        }
        const stepEnv = envScope(src, entry(src, step, 'env'), [...stepPath, 'env']);
        const ctx = {
            ...outer,
            step: { index, name: collect_sites_text(src, step, 'name'), id: collect_sites_text(src, step, 'id'), uses },
            stepPath,
            envScopes: stepEnv ? [stepEnv, ...outer.envScopes] : outer.envScopes,
            runText: collect_sites_text(src, step, 'run'),
            withText,
            roleToAssume: isConfigureAwsCredentials(uses)
                ? (withText.get('role-to-assume') ?? null)
                : null
        };
        addEnvSites(src, entry(src, step, 'env'), [...stepPath, 'env'], ctx, 'env', sites);
        if (withEntry) {
            const cac = isConfigureAwsCredentials(uses);
            for (const w of entries(src, withEntry)) {
                // This action's own `keys` input takes only access key ids, to migrate them.
                if (w.key === 'keys' && THIS_ACTION.test(uses ?? ''))
                    continue;
                const where = cac ? (CAC_KEYS.has(w.key) ? 'cac' : 'other') : 'with';
                addValueSites(src, w, [...stepPath, 'with', w.key], ctx, where, w.key, `${pathKey(stepPath)}.with`, sites);
            }
        }
        const run = entry(src, step, 'run');
        if (run)
            addValueSites(src, run, [...stepPath, 'run'], ctx, 'run', null, pathKey([...stepPath, 'run']), sites);
        walkOther(src, step, stepPath, ctx, sites, new Set(['env', 'with', 'run']));
    });
}
/** Sites of an `env:` map: one per entry whose value has an expression. */
function addEnvSites(src, env, path, ctx, where, sites) {
    if (!env)
        return;
    if (scalarText(env.node) !== null) {
        // `env: ${{ fromJSON(...) }}`: a whole map computed at run time.
        addValueSites(src, env, path, ctx, 'other', null, pathKey(path), sites);
        return;
    }
    addMapSites(src, env, path, ctx, where, sites);
}
function addMapSites(src, map, path, ctx, where, sites) {
    const direct = scalarText(map.node);
    if (direct !== null) {
        addValueSites(src, map, path, ctx, where, null, pathKey(path), sites);
        return;
    }
    for (const e of entries(src, map)) {
        addValueSites(src, e, [...path, e.key], ctx, where, e.key, pathKey(path), sites);
    }
}
/** A site for a scalar value with an expression; nested values are walked as `other`. */
function addValueSites(src, value, path, ctx, where, name, group, sites) {
    const t = scalarText(value.node);
    if (t === null) {
        walkOther(src, value, path, ctx, sites, new Set());
        return;
    }
    const refs = referencesIn(t);
    if (refs.secrets.length +
        refs.dynamicSecrets.length +
        refs.allSecrets.length +
        refs.env.length +
        refs.inputs.length ===
        0 &&
        !(where === 'cac' && t.includes('${{'))) {
        if (where !== 'cac')
            return;
    }
    sites.push({
        ctx,
        where,
        name,
        path,
        range: rangeOf(value.node),
        refs,
        group,
        shared: value.shared
    });
}
function envScope(src, env, path) {
    if (!env || !(0,dist/* isMap */.jh)(env.node))
        return null;
    const values = new Map();
    for (const e of entries(src, env)) {
        const t = scalarText(e.node);
        values.set(e.key, { refs: t === null ? referencesIn('') : referencesIn(t), text: t });
    }
    return { path, values };
}
function collect_sites_text(src, map, name) {
    const e = entry(src, map, name);
    return e ? scalarText(e.node) : null;
}
/** A boolean `true` scalar (`required: true`). */
function isTrue(node) {
    return (0,dist/* isScalar */.jn)(node) && node.value === true;
}

;// CONCATENATED MODULE: ./src/workflows/scan/settle.ts



function settleFindings(findings, files) {
    return settleReusable(stepsByHand(completePairs(findings)), files);
}
/**
 * A step whose env sets keys while the same step also uses keys by hand (its script, an input):
 * the env entries cannot go alone, so the env finding is manual too. Any keys count, not only
 * the same pair: a half pair on each side (`AWS_SECRET_ACCESS_KEY` in env, the id in the script)
 * cannot be told apart from two keys.
 */
function stepsByHand(findings) {
    const step = (f) => f.path[0] === 'jobs' && f.path[2] === 'steps'
        ? `${f.file}\u0000${String(f.path[1])}\u0000${String(f.path[3])}`
        : null;
    // The first finding a person must handle, per step.
    const byHand = new Map();
    for (const g of findings) {
        const key = g.migration === 'manual' ? step(g) : null;
        if (key !== null && !byHand.has(key))
            byHand.set(key, g);
    }
    return findings.map((f) => {
        if (f.kind !== 'env' || f.migration !== 'automatic' || f.path[4] !== 'env')
            return f;
        const other = byHand.get(step(f) ?? '');
        if (!other)
            return f;
        return {
            ...f,
            migration: 'manual',
            reason: kindReason({ kind: f.kind, migration: 'manual', reason: 'env-step-by-hand' }, { names: f.secrets, via: String(other.line) })
        };
    });
}
/** Fills the missing side of partial pairs from the single full pair that matches them. */
function completePairs(findings) {
    const full = findings
        .map((f) => ({ file: f.file, pair: f.pair }))
        .filter((x) => x.pair.accessKeyId !== null && x.pair.secretAccessKey !== null);
    const matches = (p, file) => {
        const out = new Map();
        for (const x of full) {
            if (file !== null && x.file !== file)
                continue;
            if (p.accessKeyId !== null && x.pair.accessKeyId !== p.accessKeyId)
                continue;
            if (p.secretAccessKey !== null && x.pair.secretAccessKey !== p.secretAccessKey)
                continue;
            out.set(`${x.pair.accessKeyId}/${x.pair.secretAccessKey}`, x.pair);
        }
        return [...out.values()];
    };
    return findings.map((f) => {
        const p = f.pair;
        if ((p.accessKeyId === null) === (p.secretAccessKey === null))
            return f;
        const own = matches(p, f.file);
        const found = own.length > 0 ? own : matches(p, null);
        if (found.length !== 1)
            return f;
        const q = found[0];
        return {
            ...f,
            pair: {
                accessKeyId: q.accessKeyId,
                secretAccessKey: q.secretAccessKey,
                sessionToken: p.sessionToken
            }
        };
    });
}
const intersects = (a, b) => a.some((x) => b.includes(x));
function settleReusable(input, files) {
    const ctx = reusable(input, files);
    markCallersDiffer(ctx, passedByCallers(ctx, files));
    // Roles assumed and secrets released unlock other files' findings: repeat until none changes.
    const assumes = new Set();
    const released = new Map();
    let changed = true;
    while (changed) {
        changed = assumeRoles(ctx, assumes);
        if (settleOnce(ctx, assumes, released))
            changed = true;
    }
    return ctx.out;
}
function reusable(input, files) {
    const out = [...input];
    const byFile = new Map();
    out.forEach((f, i) => {
        const list = byFile.get(f.file);
        if (list)
            list.push(i);
        else
            byFile.set(f.file, [i]);
    });
    const facts = new Map(files.map((f) => [f.file, f]));
    const callee = (file, job) => {
        const uses = facts.get(file)?.sites.calls.find((c) => c.job === job)?.uses;
        const target = uses === undefined ? null : localCallee(uses);
        return target !== null && facts.has(target) ? target : null;
    };
    return {
        out,
        byFile,
        calls: (file) => facts.get(file)?.sites.calls ?? [],
        callee,
        callerSites: (file, job) => (facts.get(file)?.sites.sites ?? []).filter((s) => s.where === 'caller' && s.ctx.job === job && s.path[2] === 'secrets'),
        automatic: (i) => out[i].migration === 'automatic',
        generated: (file) => facts.get(file)?.generated ?? true,
        update: (i, migration, reason, via) => {
            const f = out[i];
            const target = callee(f.file, f.job);
            out[i] = {
                ...f,
                migration,
                reason: kindReason({ kind: f.kind, migration, reason }, {
                    names: f.secrets,
                    via: via ?? null,
                    ...(target === null ? {} : { callee: `./${target}` })
                })
            };
        }
    };
}
/** What the callers in the repository pass under each declared secret of a called workflow. */
function passedByCallers(ctx, files) {
    const passed = new Map();
    for (const f of files) {
        for (const call of f.sites.calls) {
            const target = ctx.callee(f.file, call.job);
            if (target === null)
                continue;
            const names = passed.get(target) ?? new Map();
            for (const site of ctx.callerSites(f.file, call.job)) {
                const set = names.get(site.name ?? '') ?? new Set();
                for (const s of site.refs.secrets)
                    set.add(s.name);
                names.set(site.name ?? '', set);
            }
            passed.set(target, names);
        }
    }
    return passed;
}
/** Uses of a declared secret under which callers pass different keys: no single role replaces them. */
function markCallersDiffer(ctx, passed) {
    for (const [target, names] of passed) {
        for (const i of ctx.byFile.get(target) ?? []) {
            const f = ctx.out[i];
            const name = f.pair.accessKeyId ?? f.pair.secretAccessKey;
            const keys = [...(names.get(name ?? '') ?? [])].sort();
            if (f.migration === 'automatic' && keys.length > 1) {
                ctx.update(i, 'manual', 'callers-differ', keys.join(', '));
            }
        }
    }
}
const ASSUMING_KINDS = [
    'configure-aws-credentials',
    'env',
    'action-input'
];
/**
 * Adds the files that will assume a role: an automatic finding the rewrite turns into one, or a
 * call to a workflow that assumes one. Whether any was added.
 */
function assumeRoles(ctx, assumes) {
    let added = false;
    for (const [file, list] of ctx.byFile) {
        if (assumes.has(file))
            continue;
        const own = list.some((i) => ctx.automatic(i) && ASSUMING_KINDS.includes(ctx.out[i].kind));
        const nested = ctx.calls(file).some((c) => {
            const t = ctx.callee(file, c.job);
            return t !== null && assumes.has(t);
        });
        if (own || nested) {
            assumes.add(file);
            added = true;
        }
    }
    return added;
}
/** One pass over the manual findings of reusable workflows and their callers. Whether any changed. */
function settleOnce(ctx, assumes, released) {
    let changed = false;
    for (const [file, list] of ctx.byFile) {
        for (const i of list) {
            const f = ctx.out[i];
            if (ctx.automatic(i) || ctx.generated(file))
                continue;
            if (f.kind === 'reusable-workflow-secret') {
                if (settleDeclared(ctx, i, list, file, released))
                    changed = true;
            }
            else if (f.kind === 'reusable-workflow-caller' && f.path[2] === 'secrets') {
                if (settleCaller(ctx, i, file, assumes, released))
                    changed = true;
            }
            else if (f.kind === 'reusable-workflow-inherit') {
                if (settleInherit(ctx, i, file, assumes))
                    changed = true;
            }
        }
    }
    return changed;
}
/** A declared secret pair is automatic, and released, when every use of it in the file is. */
function settleDeclared(ctx, i, list, file, released) {
    const { out } = ctx;
    const names = pairSecrets(out[i].pair);
    const users = list.filter((j) => j !== i && out[j].kind !== 'reusable-workflow-secret' && intersects(out[j].secrets, names));
    if (users.length === 0 || !users.every(ctx.automatic))
        return false;
    ctx.update(i, 'automatic', 'callee-migrated');
    const set = released.get(file) ?? new Set();
    for (const n of names)
        set.add(n);
    released.set(file, set);
    return true;
}
/**
 * A caller is automatic when the called workflow assumes a role and releases every key secret
 * the caller passes, each entry passing exactly secrets of the pair (no alias, env or dynamic
 * secret).
 */
function settleCaller(ctx, i, file, assumes, released) {
    const f = ctx.out[i];
    const target = ctx.callee(file, f.job);
    if (target === null || !assumes.has(target))
        return false;
    const names = pairSecrets(f.pair);
    const entries = ctx.callerSites(file, f.job).filter((s) => intersects(s.refs.secrets.map((r) => r.name), names));
    const free = released.get(target) ?? new Set();
    const ok = entries.every((s) => !s.shared &&
        free.has(s.name ?? '') &&
        s.refs.secrets.every((r) => names.includes(r.name)) &&
        s.refs.env.length + s.refs.dynamicSecrets.length + s.refs.allSecrets.length === 0);
    if (entries.length === 0 || !ok)
        return false;
    ctx.update(i, 'automatic', 'caller-migrated');
    return true;
}
/** `secrets: inherit` is automatic when the called workflow assumes a role and every use of the pair there is automatic. */
function settleInherit(ctx, i, file, assumes) {
    const { out } = ctx;
    const f = out[i];
    const target = ctx.callee(file, f.job);
    if (target === null || !assumes.has(target))
        return false;
    const names = pairSecrets(f.pair);
    const uses = (ctx.byFile.get(target) ?? []).filter((j) => out[j].kind !== 'non-aws' && intersects(pairSecrets(out[j].pair), names));
    if (uses.length === 0 || !uses.every(ctx.automatic))
        return false;
    ctx.update(i, 'automatic', 'inherit-migrated');
    return true;
}

;// CONCATENATED MODULE: ./src/workflows/scan/pull-request-target.ts


/** Expressions and refs that name the pull request's head (or its merge with the base). */
const HEAD_REF = /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.pull_request\.merge_commit_sha|refs\/pull\/|\bpull\/[^\s]*\/(head|merge)/i;
/** Commands that fetch or check out the head in a script. */
const HEAD_COMMAND = /\bgh\s+pr\s+checkout\b|\bgit\s+(fetch|checkout|switch|pull)\b[^\n]*(github\.event\.pull_request\.head|github\.head_ref|pull\/|refs\/pull)/i;
/** The jobs of a workflow triggered by pull_request_target that check out the head and run it. */
function untrustedCheckouts(src, root, file) {
    if (!readTriggers(src, root).some((t) => t.event === 'pull_request_target'))
        return [];
    const jobs = entry(src, root, 'jobs');
    if (!jobs)
        return [];
    const out = [];
    for (const job of entries(src, jobs)) {
        const steps = entry(src, job, 'steps');
        let checkout = null;
        for (const step of steps ? items(src, steps) : []) {
            const uses = textOf(src, step, 'uses') ?? '';
            const run = textOf(src, step, 'run');
            if (checkout && (run !== null || uses.trim().startsWith('./'))) {
                out.push({ file, job: job.key, ...checkout });
                break;
            }
            const withMap = entry(src, step, 'with');
            const ref = withMap ? textOf(src, withMap, 'ref') : null;
            const offset = step.node?.range?.[0] ?? 0;
            if (/^actions\/checkout@/i.test(uses.trim()) && ref !== null && HEAD_REF.test(ref)) {
                checkout = { line: position(src, offset).line, how: `ref: ${ref.trim()}` };
            }
            else if (run !== null && HEAD_COMMAND.test(run)) {
                const command = HEAD_COMMAND.exec(run)?.[0] ?? run;
                checkout = { line: position(src, offset).line, how: command.trim() };
                // The script that fetches the head usually goes on to build it.
                if (/\n\s*\S/.test(run.slice(run.indexOf(command) + command.length))) {
                    out.push({ file, job: job.key, ...checkout });
                    break;
                }
            }
        }
    }
    return out;
}
function textOf(src, owner, key) {
    const e = entry(src, owner, key);
    return e ? scalarText(e.node) : null;
}
/**
 * The findings as the policy decides: an automatic use in such a job becomes manual (with
 * `reason`) unless pull_request_target jobs are allowed.
 */
function refuseUntrustedCheckouts(findings, risks, allow, reason) {
    if (allow || risks.length === 0)
        return [...findings];
    return findings.map((f) => {
        const risk = risks.find((r) => r.file === f.file && r.job === f.job);
        return risk && f.migration === 'automatic'
            ? { ...f, migration: 'manual', reason: reason(f, risk) }
            : f;
    });
}
/** The plan's warning for each such job, by name (shown in the PR body and the job summary). */
function untrustedCheckoutWarnings(risks, allowed) {
    return risks.map((r) => `${r.file} (job ${r.job}) runs on pull_request_target and checks out the pull request's head (line ${r.line}: ${r.how}), then runs it: code from any fork runs with this job's secrets${allowed ? ' and, now, its AWS role (allow-pull-request-target: true)' : '; its key uses are not rewritten (set allow-pull-request-target: true to rewrite them anyway)'}. Check out the base instead, or run the head in a pull_request workflow without credentials.`);
}

;// CONCATENATED MODULE: ./src/workflows/scan/scan.ts
/**
 * The workflow scanner: workflow and composite-action text in, static AWS key findings out.
 * Pure (no I/O). Each file is parsed once with `yaml`'s `parseDocument` and a `LineCounter`;
 * `collect-sites.ts` lists the values holding expressions (the tree is then dropped, but for
 * the files the rewrite parses again: the result hands those trees on, see `../parsed.ts`),
 * `key-uses.ts` decides which carry keys once every file is read (a secret that feeds
 * configure-aws-credentials in one file is a key in all), `classify.ts` groups them into findings,
 * `settle.ts` decides what depends on other files (partial pairs, reusable workflows).
 *
 * `migration: automatic` means exactly what the rewriter (`rewrite.ts`) migrates; it acts on
 * nothing else. When the rewrite still has to leave a file as it was, the plan (`plan.ts`) shows
 * the finding as manual with the reason.
 *
 * Path rule (the rewriter locates nodes by `path`; it names the map entry the finding is about):
 * - configure-aws-credentials: one finding per step, at `['jobs', JOB, 'steps', I, 'with',
 *   'aws-access-key-id']`, or at `aws-secret-access-key` / `aws-session-token` when the id input
 *   is absent (composite actions: `['runs', 'steps', I, 'with', ...]`).
 * - env (`AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`): one finding per env
 *   map per key pair, at `[..., 'env', 'AWS_ACCESS_KEY_ID']`, or the secret / token entry when the
 *   id entry is absent or not from a secret (`${{ vars.X }}`). `...` is empty (workflow env),
 *   `['jobs', JOB]` or `['jobs', JOB, 'steps', I]`.
 * - keys under other env names, container/services env, another action's `with:`, a reusable
 *   caller's `secrets:`: one finding per map per pair, at the entry of the pair's id (else secret,
 *   else token), e.g. `['jobs', JOB, 'steps', I, 'with', 'password']`. When an env map passes a
 *   pair under both standard and other names, the finding is `key-export` at the other name.
 * - secrets chosen at run time (`secrets[...]`, `a && secrets.X || secrets.Y`): one finding per
 *   map (or step), at the id entry.
 * - `on.workflow_call.secrets`: one finding per pair at `['on', 'workflow_call', 'secrets', NAME]`
 *   (the first key is the one written in the file: `on`, or `true` for YAML 1.1 files); a
 *   declared secret that is neither `required: true` nor read in the file is not a finding.
 * - run scripts and any other value: one finding per pair at the value's entry
 *   (`[..., 'run']`, `[..., 'if']`, ...).
 * - `secrets: inherit`: one finding per pair of the called workflow, at `['jobs', JOB, 'secrets']`.
 * Paths go through aliases as written (the logical path); such findings are never automatic.
 *
 * Line and column (1-based, UTF-16 columns) point at the key reference inside the value
 * (`secrets.NAME`, `env.NAME`, `inputs.NAME`, `secrets[`, `toJSON(secrets)`), else at the value;
 * for `on.workflow_call.secrets`, at the declared name; for `secrets: inherit`, at `inherit`.
 *
 * Decisions:
 * - A file with YAML errors (including duplicate keys and unresolved aliases) gets `errors`
 *   entries and no findings: its tree is not reliable and GitHub refuses it too ("'push' is
 *   already defined"). Other files are still scanned.
 * - A file whose top level has `runs:` and no `jobs:` is a composite action; a mapping with
 *   neither is not a workflow and yields nothing.
 * - `uses: ./` (a local action) is never taken for configure-aws-credentials, even when its
 *   inputs look the same (the action's own repository tests static keys on purpose): keys fed
 *   to it are `action-input`, manual.
 * - In a composite action, keys arriving as `inputs.X` into configure-aws-credentials or the
 *   AWS_* env are findings (manual, no secret names): the action forces its callers to hold
 *   static keys and must change together with them. Other uses of inputs are not findings.
 * - A configure-aws-credentials key input from any other expression (step outputs) is a manual
 *   finding; AWS_* env from step outputs is not (that is how temporary credentials are passed).
 *   A script writing keys from step outputs (`aws configure set aws_access_key_id
 *   ${{ steps.vault.outputs.X }}`) is a manual finding unless it also writes a session token.
 * - Automatic only when nothing argues against it; manual when: a session token comes from a
 *   secret (temporary credentials), the region is a China or GovCloud one, the step is an action
 *   reading the env (it may not take a session token), the env map carries 5 or more other
 *   secrets (a program's configuration, e.g. a test suite), a YAML anchor or alias is involved,
 *   or the file says it is generated or synced ("do not edit").
 * - Automatic beyond configure-aws-credentials and env: docker/login-action logging in to an ECR
 *   registry (private host or public.ecr.aws, not China) with exactly the pair as username and
 *   password; a reusable workflow of the repository whose every use of a declared pair is
 *   automatic, its callers in the repository that pass only secrets it releases, and
 *   `secrets: inherit` callers of it (see `settle.ts`).
 * - A step env with keys is manual when the same step also uses keys by hand (its entries
 *   cannot go alone); uses of a declared secret under which callers pass different keys are
 *   manual (no single role replaces them).
 * - A pair seen with one side only is completed from the single full pair with that side (the
 *   same file first, else the whole scan); `secrets` keeps the names the finding references.
 * - Not migrated (`non-aws`): R2 / MinIO / ... names, or an S3 endpoint override in scope that is
 *   set from a secret or is a literal URL other than amazonaws.com.
 * - Literal values (`minio`, `test`, fake `AKIA...EXAMPLE`) are not secrets and are ignored;
 *   so are comments.
 */










function scanWorkflows(files, options = {}) {
    const errors = [];
    const scanned = [];
    for (const f of files) {
        const one = scanFile(f);
        if ('errors' in one)
            errors.push(...one.errors);
        else
            scanned.push(one);
    }
    const untrusted = scanned.flatMap((s) => s.untrusted);
    const allow = options.allowPullRequestTarget ?? false;
    const findings = settledFindings(scanned, untrusted, allow);
    errors.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
    const result = withTrees({ findings, errors }, handedTrees(scanned, findings));
    return Object.defineProperties(result, {
        untrustedCheckouts: { value: untrusted, enumerable: false }
    });
}
/**
 * Parses one file and lists its sites. A parsed tree is dropped after its walk, but for the
 * files that may have findings or call a reusable workflow of the repository (see handedTrees).
 */
function scanFile(f) {
    const parsed = parse(f);
    if ('errors' in parsed)
        return parsed;
    const src = parsed.src;
    const sites = collectSites(src, f.path);
    if (src.unresolved.length > 0) {
        return {
            errors: src.unresolved.map((u) => ({
                file: f.path,
                line: position(src, u.offset).line,
                message: `not valid YAML: unresolved alias *${u.name} (column ${position(src, u.offset).column})`
            }))
        };
    }
    const candidate = sites.sites.length > 0 || sites.inheritCalls.length > 0 || callsLocalWorkflow(f.text);
    return {
        file: f.path,
        located: { lines: src.lines, text: f.text },
        sites,
        kept: candidate ? { file: f, doc: src.doc } : null,
        untrusted: untrustedCheckouts(src, { node: src.doc.contents, shared: false }, f.path)
    };
}
/** The findings of every file, once the sites of all are known, settled and in order. */
function settledFindings(scanned, untrusted, allow) {
    const known = learnRoles(scanned.flatMap((s) => s.sites.sites));
    const findings = [];
    const byFile = new Map();
    for (const s of scanned) {
        const own = buildFindings(s.located, s.sites, known);
        byFile.set(s.file, own);
        findings.push(...own);
    }
    for (const s of scanned) {
        findings.push(...inheritFindings(s.located, s.sites.inheritCalls, byFile));
    }
    const settled = settleFindings(refuseUntrustedCheckouts(findings, untrusted, allow, (f, risk) => kindReason({ kind: f.kind, migration: 'manual', reason: 'pull-request-target-head' }, { names: f.secrets, via: `line ${risk.line}: ${risk.how}` })), scanned.map((s) => ({
        file: s.file,
        sites: s.sites,
        generated: generatedHeader(s.located.text) !== null
    })));
    return settled.sort(compareFindings);
}
/** The kept trees of the files the rewrite parses again, now that their findings are known. */
function handedTrees(scanned, findings) {
    const byFile = new Map();
    for (const f of findings) {
        const list = byFile.get(f.file);
        if (list)
            list.push(f);
        else
            byFile.set(f.file, [f]);
    }
    return parsedTrees(scanned.flatMap((s) => s.kept && rewriteParses(s.located.text, byFile.get(s.file) ?? [])
        ? [[s.kept.file, s.kept.doc]]
        : []));
}
function withTrees(result, trees) {
    return Object.defineProperty(result, 'trees', {
        value: trees,
        enumerable: false
    });
}
function parse(f) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(f.text, { lineCounter: lines, prettyErrors: true });
    if (doc.errors.length > 0) {
        return {
            errors: doc.errors.map((e) => ({
                file: f.path,
                line: e.linePos?.[0].line ?? 1,
                message: `not valid YAML: ${errorMessage(e.message)}`
            }))
        };
    }
    return { src: yaml_nodes_sourceOf(doc, lines, f.text) };
}
/** The first line of a `yaml` error, without the position (given separately) and code excerpt. */
function errorMessage(message) {
    const first = message.split('\n')[0] ?? message;
    return first.replace(/ at line \d+, column (\d+):?$/, ' (column $1)');
}
function compareFindings(a, b) {
    return (compare(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        compare(a.kind, b.kind) ||
        compare(a.path.join('/'), b.path.join('/')));
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/workflows/permissions.ts
/**
 * Every scope `read-all` / `write-all` covers on github.com, sorted (`repository-projects` is
 * left out: classic projects are gone from github.com).
 */
const SCOPES = [
    'actions',
    'artifact-metadata',
    'attestations',
    'checks',
    'contents',
    'deployments',
    'discussions',
    'id-token',
    'issues',
    'models',
    'packages',
    'pages',
    'pull-requests',
    'security-events',
    'statuses'
];
/** Scopes that do not take every level: `id-token` is `write|none`, `models` is `read|none`. */
const LEVELS = {
    'id-token': ['write', 'none'],
    models: ['read', 'none']
};
const ID_TOKEN = 'id-token';
/** The explicit map with the same meaning as `read-all` or `write-all`. */
function expandAll(value) {
    const level = value === 'read-all' ? 'read' : 'write';
    const out = {};
    for (const scope of SCOPES) {
        const allowed = LEVELS[scope];
        if (!allowed || allowed.includes(level))
            out[scope] = level;
        // `models` caps at read; `id-token: read` does not exist (it means none): leave it out.
        else if (scope === 'models')
            out[scope] = 'read';
    }
    return out;
}
/** The scopes a job gets from the repository default when no `permissions:` is written. */
function defaultScopes(repositoryDefault) {
    if (repositoryDefault === 'restricted')
        return { contents: 'read', packages: 'read' };
    const out = {};
    for (const [scope, level] of Object.entries(expandAll('write-all'))) {
        if (scope !== ID_TOKEN)
            out[scope] = level;
    }
    return out;
}
/** The permissions a job runs with. */
function effectivePermissions(context, repositoryDefault) {
    if (context.job !== null) {
        return { source: 'job', value: context.job, scopes: scopesOf(context.job) };
    }
    if (context.workflow !== null) {
        return { source: 'workflow', value: context.workflow, scopes: scopesOf(context.workflow) };
    }
    const scopes = defaultScopes(repositoryDefault);
    return { source: 'repository-default', value: scopes, scopes };
}
/** The explicit map of a written value (`read-all` / `write-all` expanded). */
function scopesOf(value) {
    return typeof value === 'string' ? expandAll(value) : value;
}
/** Whether the value lets the job request an OIDC token. */
function grantsIdToken(value) {
    return scopesOf(value)[ID_TOKEN] === 'write';
}
/** The scopes plus `id-token: write`, keeping the written order (an existing entry is upgraded in place). */
function withIdToken(scopes) {
    const out = { ...scopes };
    out[ID_TOKEN] = 'write';
    return out;
}
function idTokenChange(context, repositoryDefault) {
    const effective = effectivePermissions(context, repositoryDefault);
    if (grantsIdToken(effective.value))
        return { kind: 'none' };
    const scopes = withIdToken(effective.scopes);
    if (effective.source === 'job') {
        // `write-all` grants the entry already (returned above): only `read-all` is written out.
        return effective.value === 'read-all'
            ? { kind: 'expand', from: 'read-all', scopes }
            : { kind: 'set-entry', scopes };
    }
    return { kind: 'add-job', from: effective.source, scopes };
}
/** Scopes granted by `before` that `after` does not grant at the same level or higher. */
function lostScopes(before, after) {
    const rank = (level) => level === 'write' ? 2 : level === 'read' ? 1 : 0;
    return Object.keys(before).filter((scope) => rank(after[scope]) < rank(before[scope]));
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/id-token.ts
/**
 * The text edits that give a job `id-token: write` (see `../permissions.ts` for which change):
 * upgrade or add the entry in the job's own map (block or flow), expand the job's `read-all`
 * into a block map (`write-all` already grants it and stays), or add a job-level block map before
 * the job's `steps:` (or the `uses:` of a reusable-workflow call). Each comes with the edit
 * recorded as data (`IdTokenEdit`); the words are the renderers'.
 */





/** The permissions as written at a level (`read-all`, a map), null when absent. */
function writtenPermissions(held) {
    if (!held)
        return null;
    const v = held.value;
    const at = (0,dist/* isScalar */.jn)(held.pair.key) ? (held.pair.key.range?.[0] ?? 0) : 0;
    if ((0,dist/* isScalar */.jn)(v) && v.value !== null) {
        const s = String(v.value);
        if (s === 'read-all' || s === 'write-all')
            return s;
        throw new yaml_edits_UnsupportedEdit(`permissions: '${s}' is not read-all, write-all or a map`, v.range?.[0] ?? 0);
    }
    if (!held.map)
        throw new yaml_edits_UnsupportedEdit('a permissions: entry that is empty or not a map', at);
    const out = {};
    for (const p of held.map.items) {
        const k = keyString(p);
        const val = valueNode(p);
        if (k !== null && (0,dist/* isScalar */.jn)(val))
            out[k] = String(val.value);
    }
    return out;
}
/** The edits that give `job` `id-token: write`, or none when its effective permissions have it. */
function idTokenEdits(model, job, repositoryDefault, unit) {
    const context = {
        workflow: writtenPermissions(model.permissions),
        job: writtenPermissions(job.permissions)
    };
    const change = idTokenChange(context, repositoryDefault);
    switch (change.kind) {
        case 'none':
            return { edits: [], edit: null, offset: keyStart(job.pair) };
        case 'set-entry':
            return setEntry(model.text, job);
        case 'expand':
            return expandReadAll(model.text, job, change.scopes, unit);
        case 'add-job':
            return addJobBlock(model.text, job, change, repositoryDefault, unit);
    }
}
/** Upgrades the entry of the job's own map, or appends it. */
function setEntry(text, job) {
    const map = job.permissions.map;
    const existing = get(map, ID_TOKEN);
    const offset = keyStart(job.permissions.pair);
    const about = { kind: 'id-token', job: job.id };
    if (existing) {
        const v = valueNode(existing);
        if (!v)
            throw new yaml_edits_UnsupportedEdit('an empty id-token permission', offset);
        return {
            edits: [replaceScalar(v, 'write')],
            edit: { ...about, change: 'upgrade', from: String((0,dist/* isScalar */.jn)(v) ? v.value : '') },
            offset
        };
    }
    return {
        edits: [appendEntries(text, map, [`${ID_TOKEN}: write`], [`${ID_TOKEN}: write`])],
        edit: { ...about, change: 'add-entry' },
        offset
    };
}
/** Replaces the job's `read-all` with the block map of the same meaning plus the entry. */
function expandReadAll(text, job, scopes, unit) {
    const pair = job.permissions.pair;
    const value = job.permissions.value;
    const key = pair.key;
    const keyEnd = (0,dist/* isScalar */.jn)(key) ? (key.range?.[1] ?? 0) : 0;
    const colon = text.indexOf(':', keyEnd);
    const column = (0,dist/* isScalar */.jn)(key) ? key.range[0] - text.lastIndexOf('\n', key.range[0] - 1) - 1 : 0;
    const lines = indent(renderScopes(scopes), column + unit);
    return {
        edits: [
            { start: colon + 1, end: pairValueEnd(pair), text: '' },
            insertLinesAfter(text, value.range[1] - 1, lines)
        ],
        edit: { kind: 'id-token', job: job.id, change: 'expand', from: 'read-all', scopes },
        offset: keyStart(pair)
    };
}
/** Adds a job-level block map before the job's `steps:` (or `uses:`). */
function addJobBlock(text, job, change, repositoryDefault, unit) {
    const jobStart = keyStart(job.pair);
    const anchor = (job.stepsPair ?? job.usesPair);
    if (!anchor)
        throw new yaml_edits_UnsupportedEdit(`job ${job.id} has neither steps nor uses`, jobStart);
    const index = job.map.items.indexOf(anchor);
    const after = index > 0 ? job.map.items[index - 1] : null;
    const lines = ['permissions:', ...indent(renderScopes(change.scopes), unit)];
    const about = { kind: 'id-token', job: job.id, change: 'add-block' };
    const { scopes } = change;
    return {
        edits: [insertEntries(text, job.map, lines, after, anchor)],
        edit: change.from === 'workflow'
            ? { ...about, from: 'workflow', scopes }
            : { ...about, from: 'repository-default', repositoryDefault, scopes },
        offset: jobStart
    };
}
/** Where a pair's key starts in the text (0 when it has none). */
function keyStart(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
}
function renderScopes(scopes) {
    return Object.entries(scopes).map(([scope, level]) => `${scope}: ${level}`);
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/callers.ts
/**
 * A called workflow changes only together with every caller in the repository. A reusable
 * workflow that now assumes a role needs `id-token: write` from each calling job: a caller that
 * stays as it is (blocked by the migration plan, or a file the rewrite had to leave) and does not
 * grant it already would fail after the merge. Such a called workflow is held: it stays as it
 * was too, and its follow-ups name the caller that holds it. Callers in other repositories are
 * never updated by the pull request; the called workflow's follow-up says so.
 */



const followUp = (f) => ({
    file: f.file,
    line: f.line,
    reason: f.reason,
    kind: f.kind
});
/**
 * The called workflows to hold: each one whose rewrite assumes a role while some calling job of
 * the repository stays as it is and does not already grant `id-token: write`.
 */
function calleesToHold(callers, assumesRole, stays) {
    const out = new Map();
    for (const [file, model] of callers) {
        const why = stays(file);
        if (why === null || !model)
            continue;
        for (const job of model.jobs.values()) {
            const target = job.calls === null ? null : localCallee(job.calls);
            if (target === null || out.has(target) || !assumesRole(target))
                continue;
            if (callers_grantsIdToken(model, job))
                continue;
            out.set(target, { caller: file, job: job.id, why });
        }
    }
    return out;
}
/** Whether the calling job already grants `id-token: write` (its own permissions, else the file's). */
function callers_grantsIdToken(model, job) {
    try {
        const written = writtenPermissions(job.permissions) ?? writtenPermissions(model.permissions);
        if (written === null)
            return false;
        return written === 'write-all' || (typeof written === 'object' && written[ID_TOKEN] === 'write');
    }
    catch {
        return false;
    }
}
/** The follow-ups of a held called workflow: each use it would have migrated stays, naming the caller. */
function heldFollowUps(findings, hold) {
    return findings
        .filter((f) => f.kind !== 'non-aws')
        .map((f) => f.migration === 'automatic' ? { ...followUp(f), reason: heldReason(f, hold) } : followUp(f));
}
function heldReason(f, hold) {
    return `The static keys ${f.secrets.join(' and ')} stay: this called workflow changes only together with every caller in the repository, and job ${hold.job} of ${hold.caller} stays as it is (${hold.why}); migrate that caller first, or give that job id-token: write.`;
}
/** The follow-up of a caller whose called workflow is held (it keeps passing the keys). */
function callerOfHeldFollowUp(f, callee, hold) {
    const own = hold.caller === f.file && hold.job === f.job;
    return {
        ...followUp(f),
        reason: own
            ? `The keys ${f.secrets.join(' and ')} stay passed to ${callee}: this job stays as it is (${hold.why}), so the called workflow stays on keys too.`
            : `The keys ${f.secrets.join(' and ')} stay passed to ${callee}: it stays on keys because job ${hold.job} of ${hold.caller}, another caller, stays as it is (${hold.why}).`
    };
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/contract.ts
/** The placeholder written when no role ARN is known for a key pair. */
const PLACEHOLDER_ARN = 'arn:aws:iam::<account>:role/<name>';
/** The placeholder written when a new step needs a region and none is known. */
const PLACEHOLDER_REGION = '<region>';

;// CONCATENATED MODULE: ./src/workflows/rewrite/steps.ts
/**
 * Where a job needs AWS credentials after its static keys go, and the configure-aws-credentials
 * steps that provide them. The steps of a job are walked in order: each step that needs a key
 * pair's identity (step env keys, a docker login to ECR, or every step that is not a checkout or
 * setup step when the keys were in the job or workflow env) gets a new step before it, unless
 * the identity is already in force. Consecutive steps needing the same identity share one step.
 */





const NO_AWS = /^actions\/(checkout|setup-[\w-]+)@/i;
/** Steps that never use AWS credentials, so job-level keys are not needed before them. */
function isNoAwsStep(step) {
    return step.uses !== null && NO_AWS.test(step.uses.trim());
}
/** Text in a step that shows it talks to AWS: the CLI, S3 URLs, SDKs, AWS deploy tools, ECR hosts, AWS_* variables. */
const AWS_TEXT = /\baws\s+[a-z0-9][\w-]*|s3:\/\/|\bboto(3|core)?\b|\bawscli\b|\b(sam|cdk|eksctl|copilot|serverless|sls|amplify|terraform|terragrunt|pulumi|chalice|zappa)\s+[a-z]|\.dkr\.ecr\.|public\.ecr\.aws|\$\{?AWS_[A-Z_]+|\benv\.AWS_[A-Z_]+|\baws-actions\/|amazonaws\.com/;
/**
 * Whether a job shows that it uses AWS. Keys set in the workflow env reach every job; only the
 * jobs that show AWS use get a configure-aws-credentials step (a job that does not use AWS should
 * not start requesting OIDC tokens, which fail for pull requests from forks).
 */
function showsAwsUse(job) {
    return job.stepModels.some((s) => AWS_TEXT.test(s.source));
}
/**
 * The configure-aws-credentials steps a job needs. Throws {@link UnsupportedEdit} when another
 * identity is in force where a new step would go: later steps would run under a different role
 * than before, which only a person can decide.
 */
function planNewSteps(needs, fallbackRegion) {
    const out = [];
    // The identity in force: a pair key, or `maybe:KEY` after a conditional step.
    let active = null;
    // What steps without a need of their own ran under before the rewrite: the env keys, or the
    // last configure-aws-credentials step (an Identity when it can be assumed again).
    let inherited = needs.ambient?.identity ?? null;
    let segment = null;
    const close = () => {
        if (!segment)
            return;
        const step = newStep(segment, needs, fallbackRegion);
        out.push(step);
        active = step.ifText === null ? step.identity.pairKey : `maybe:${step.identity.pairKey}`;
        segment = null;
    };
    const plain = (key) => key?.replace(/^maybe:/, '') ?? null;
    for (const step of needs.job.stepModels) {
        const provided = needs.providers.get(step.index);
        if (provided !== undefined) {
            close();
            const key = typeof provided === 'string' ? provided : provided.pairKey;
            if (needs.ambient && key !== needs.ambient.identity.pairKey) {
                throw new yaml_edits_UnsupportedEdit(`job ${needs.job.id} takes keys from env and also runs configure-aws-credentials for another identity; which one later steps use cannot be kept automatically`, step.map.range?.[0] ?? 0);
            }
            active = step.ifText === null ? key : `maybe:${key}`;
            inherited = provided;
            continue;
        }
        const own = needs.steps.get(step.index) ?? null;
        let identity = own?.identity ?? null;
        if (!identity && inherited !== null && !isNoAwsStep(step)) {
            const key = typeof inherited === 'string' ? inherited : inherited.pairKey;
            // Before the job's own configure-aws-credentials step for these keys, only steps that
            // show AWS use need them earlier (the job's author put the login where it is needed).
            if (nextProvider(needs, step.index) === key && !AWS_TEXT.test(step.source))
                continue;
            const current = segment ? segment.identity.pairKey : plain(active);
            if (current !== key) {
                if (typeof inherited === 'string') {
                    throw new yaml_edits_UnsupportedEdit(`job ${needs.job.id}: step ${step.index + 1} ran with the credentials of an earlier configure-aws-credentials step, which a new step before it would replace`, step.map.range?.[0] ?? 0);
                }
                identity = inherited;
            }
            else if (!segment) {
                continue;
            }
        }
        if (!identity)
            continue;
        if (segment?.identity.pairKey === identity.pairKey) {
            segment.needs.push(own);
            segment.steps.push(step);
            continue;
        }
        close();
        if (active === identity.pairKey)
            continue;
        segment = { start: step.index, identity, needs: [own], steps: [step] };
    }
    close();
    return out;
}
/** The identity key of the first configure-aws-credentials step after `index`, or null. */
function nextProvider(needs, index) {
    for (const s of needs.job.stepModels) {
        if (s.index <= index)
            continue;
        const p = needs.providers.get(s.index);
        if (p !== undefined)
            return typeof p === 'string' ? p : p.pairKey;
    }
    return null;
}
function newStep(segment, needs, fallbackRegion) {
    // Copy the steps' `if:` only when every step of the segment has its own need and the same condition.
    const ifs = new Set(segment.steps.map((s) => s.ifText));
    const ifText = segment.needs.every((n) => n !== null) && ifs.size === 1 ? [...ifs][0] : null;
    const own = segment.needs.filter((n) => n !== null);
    const region = own.find((n) => n.source === 'docker-login' && n.region)?.region ??
        own.find((n) => n.region)?.region ??
        needs.region ??
        needs.knownRegions.get(segment.identity.pairKey) ??
        needs.cacRegion ??
        fallbackRegion;
    return {
        index: segment.start,
        identity: segment.identity,
        region: region ?? PLACEHOLDER_REGION,
        ifText,
        regionMissing: region === null
    };
}
/** The text edit inserting one new configure-aws-credentials step. */
function insertCacStep(text, job, step, render) {
    if (!job.steps)
        throw new yaml_edits_UnsupportedEdit(`job ${job.id} has no steps list`, 0);
    const style = itemStyle(text, job.steps, step.index);
    const pin = newCacUses(render.cacRef, render.preferSha);
    const pad = ' '.repeat(render.unit);
    const lines = [
        'name: Configure AWS credentials',
        ...(step.ifText !== null ? [`if: ${step.ifText}`] : []),
        `uses: ${pin.uses}${pin.comment ? ` # ${pin.comment}` : ''}`,
        'with:',
        `${pad}role-to-assume: ${yamlScalar(step.identity.arn)}`,
        `${pad}aws-region: ${yamlScalar(step.region)}`
    ];
    return insertItemBefore(text, job.steps, step.index, lines, style);
}
/** A value as a plain YAML scalar when that reads back as the same string, else single-quoted. */
function yamlScalar(value) {
    const plain = value !== '' &&
        value.trim() === value &&
        !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
        !/: |:$| #|[\n\r\t]/.test(value) &&
        !/^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
    return plain || value.startsWith('${{') ? value : `'${value.replace(/'/g, "''")}'`;
}
/** The region a map of env entries sets (`AWS_REGION`, else `AWS_DEFAULT_REGION`), as its text. */
function regionIn(map) {
    if (!map)
        return null;
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION']) {
        const pair = map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === name);
        if (!pair)
            continue;
        const value = scalarValue(valueNode(pair));
        if (value !== null && value.trim() !== '')
            return { name, value };
    }
    return null;
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/nodes.ts
/**
 * The edits of single nodes: a configure-aws-credentials step losing its key inputs and gaining
 * `role-to-assume` (and moving to v6 in the same pinning style), env entries going, a docker login
 * to ECR losing its username/password, a reusable workflow's key secrets becoming optional, a
 * caller no longer passing them.
 */











const CAC_KEY_INPUTS = ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'];
/** The secret names an expression value references (`${{ secrets.X }}`). */
function secretsOf(node) {
    const text = scalarValue(node);
    return text === null ? [] : referencesIn(text).secrets.map((s) => s.name);
}
/**
 * A configure-aws-credentials step: the key inputs go; `role-to-assume: ARN` takes the place of
 * the first one unless the step already names a role (role chaining keeps it).
 */
function cacStepEdits(text, step, arn, converted = new Map()) {
    const withMap = step.with?.map;
    if (!withMap || !step.with) {
        throw new yaml_edits_UnsupportedEdit('a configure-aws-credentials step without a with: map', 0);
    }
    const keys = withMap.items.filter((p) => CAC_KEY_INPUTS.includes(keyString(p) ?? ''));
    if (keys.length === 0)
        return [];
    const role = arn === null ? null : `role-to-assume: ${yamlScalar(arn)}`;
    if (withMap.flow) {
        const items = [];
        let placed = false;
        for (const p of withMap.items) {
            if (keys.includes(p)) {
                if (role && !placed)
                    items.push(role);
                placed = true;
                continue;
            }
            items.push(converted.get(p) ?? text.slice(pairStart(p), pairValueEnd(p)));
        }
        const [start, end] = [withMap.range[0], withMap.range[1]];
        const inner = text.slice(start + 1, end - 1);
        if (inner.includes('\n'))
            throw new yaml_edits_UnsupportedEdit('a with: flow map over several lines', start);
        const pad = inner.startsWith(' ') ? ' ' : '';
        return [{ start, end, text: `{${pad}${items.join(', ')}${pad}}` }];
    }
    const edits = removeEntries(text, withMap, keys, null);
    if (role) {
        const first = keys[0];
        const at = pairStart(first);
        edits.unshift(insertLinesBefore(text, at, indent([role], at - lineStart(text, at))));
    }
    return edits;
}
/** The `uses:` of a rewritten configure-aws-credentials step, moved to v6 in the same pin style. */
function cacPinEdits(text, step, target) {
    const node = step.usesNode;
    if (!(0,dist/* isScalar */.jn)(node) || !node.range || step.uses === null)
        return null;
    const [start, valueEnd] = [node.range[0], node.range[1]];
    const source = text.slice(start, valueEnd);
    const at = source.lastIndexOf('@');
    if (at < 0)
        return null;
    const quote = source.startsWith('"') || source.startsWith("'") ? 1 : 0;
    const refStart = start + at + 1;
    const refEnd = valueEnd - quote;
    const eol = lineEnd(text, valueEnd);
    const hash = text.indexOf('#', valueEnd);
    const comment = hash >= 0 && hash < eol ? text.slice(hash, eol).trimEnd() : null;
    const versionComment = comment !== null && isVersionComment(comment) ? comment : null;
    const current = versionComment === null ? null : versionComment.replace(/^#\s*(pin@)?/i, '');
    const pin = cacPinFor(step.uses, target, current);
    if (!pin.changed)
        return null;
    const newRef = pin.uses.slice(pin.uses.lastIndexOf('@') + 1);
    const edits = [{ start: refStart, end: refEnd, text: newRef }];
    if (pin.comment !== null) {
        if (versionComment !== null) {
            edits.push({ start: hash, end: hash + versionComment.length, text: `# ${pin.comment}` });
        }
        else if (comment === null) {
            edits.push({ start: valueEnd, end: valueEnd, text: ` # ${pin.comment}` });
        }
    }
    else if (versionComment !== null && COMMIT_SHA.test(text.slice(refStart, refEnd))) {
        // SHA -> tag (offline): the version comment described the SHA; drop it with its spaces.
        let from = hash;
        while (from > valueEnd && (text[from - 1] === ' ' || text[from - 1] === '\t'))
            from--;
        edits.push({ start: from, end: hash + versionComment.length, text: '' });
    }
    return {
        edits,
        from: step.uses.trim(),
        fromComment: current,
        to: pin.uses,
        toTag: !('sha' in target) || pin.comment === null
    };
}
/** The entries of an env map that set the runner's keys from the pair's secrets. */
function keyEnvEntries(env, secrets) {
    if (!env.map)
        return [];
    return env.map.items.filter((p) => {
        const name = keyString(p);
        if (name === null || !(name in STANDARD_ENV))
            return false;
        const refs = secretsOf(valueNode(p));
        return refs.length > 0 && refs.every((r) => secrets.includes(r));
    });
}
/** Removes entries from a held map (the holder goes when none remain). */
function removeHeld(text, held, remove) {
    if (!held.map)
        throw new yaml_edits_UnsupportedEdit('a value that is not a map', pairStart(held.pair));
    return removeEntries(text, held.map, remove, held.pair, held.parent);
}
/**
 * A docker/login-action step logging in to ECR with the pair as username/password: the two
 * inputs go (the action then uses the ambient AWS credentials). Null when the step is not that.
 */
function dockerLoginEdits(text, step, secrets) {
    if (!step.uses || !/^docker\/login-action@/i.test(step.uses.trim()) || !step.with?.map)
        return null;
    const map = step.with.map;
    const registry = get(map, 'registry');
    const region = ecrRegion(registry ? scalarValue(valueNode(registry)) : null);
    if (region === null)
        return null;
    const user = get(map, 'username');
    const pass = get(map, 'password');
    if (!user || !pass)
        return null;
    const [u, p] = [secretsOf(valueNode(user)), secretsOf(valueNode(pass))];
    if (u.length !== 1 || u[0] !== secrets.id || p.length !== 1 || p[0] !== secrets.secret)
        return null;
    return { edits: removeEntries(text, map, [user, pass], step.with.pair, step.with.parent), region };
}
/** `required: true` of declared workflow_call secrets becomes `required: false`. */
function optionalSecretEdits(callSecrets, names) {
    const edits = [];
    const changed = [];
    let offset = 0;
    for (const p of callSecrets.items) {
        const name = keyString(p);
        if (name === null || !names.includes(name))
            continue;
        const v = valueNode(p);
        if (!(0,dist/* isMap */.jh)(v))
            continue;
        const required = get(v, 'required');
        const value = required ? valueNode(required) : null;
        if (!(0,dist/* isScalar */.jn)(value) || value.value !== true)
            continue;
        edits.push(replaceScalar(value, 'false'));
        changed.push(name);
        offset = offset || pairStart(p);
    }
    return { edits, changed, offset };
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/work.ts


function capital(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
function work_followUp(f) {
    return { file: f.file, line: f.line, reason: f.reason, kind: f.kind };
}
function needsOf(work, job) {
    let n = work.needs.get(job);
    if (!n) {
        n = { ambient: null, steps: new Map(), providers: new Map() };
        work.needs.set(job, n);
    }
    return n;
}
function jobOf(work, f) {
    const job = f.job === null ? undefined : work.model.jobs.get(f.job);
    if (!job)
        throw new yaml_edits_UnsupportedEdit(`job ${String(f.job)} not found`, 0);
    return job;
}
/** Records an edit made at `offset` of the original text. */
function recordEdit(work, offset, edit) {
    work.recorded.push({ line: lineOf(work.model, offset), ...edit });
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/jobs.ts
/**
 * The job-level part of a file's rewrite: env entries removed, new configure-aws-credentials
 * steps where jobs need them (with a region found in the file when possible), and
 * `id-token: write` for every job that now requests an OIDC token.
 */







/**
 * New configure-aws-credentials steps, env removals and permissions, job by job. Returns whether
 * any job now requests an OIDC token.
 */
const CAC_USES = /^aws-actions\/configure-aws-credentials@/i;
function finish(work) {
    const { model, ctx } = work;
    const text = model.text;
    for (const [held, entries] of work.envRemovals)
        work.edits.push(...removeHeld(text, held, entries));
    // Every in-repo caller of a reusable workflow that now assumes a role needs id-token: write.
    for (const job of model.jobs.values()) {
        if (job.calls && ctx.callee(job.calls)?.assumesRole)
            work.idToken.add(job.id);
    }
    const fileUnit = indentUnit(model);
    const preferSha = pinsBySha(model);
    const knownRegions = new Map();
    for (const n of work.needs.values()) {
        for (const need of n.steps.values()) {
            if (need.region && !need.region.includes('${{')) {
                if (!knownRegions.has(need.identity.pairKey))
                    knownRegions.set(need.identity.pairKey, need.region);
            }
        }
    }
    for (const [id, n] of work.needs) {
        const job = model.jobs.get(id);
        // configure-aws-credentials steps left as they are (OIDC already) also set credentials.
        for (const s of job.stepModels) {
            if (!n.providers.has(s.index) && s.uses && CAC_USES.test(s.uses.trim())) {
                n.providers.set(s.index, `step:${s.index + 1}`);
            }
        }
        const scopeRegion = regionIn(job.env?.map ?? null) ?? regionIn(model.env?.map ?? null);
        const needs = {
            job,
            ambient: n.ambient,
            region: scopeRegion ? `\${{ env.${scopeRegion.name} }}` : null,
            knownRegions,
            cacRegion: cacRegion(model, job),
            steps: n.steps,
            providers: n.providers
        };
        const added = planNewSteps(needs, ctx.region);
        const unit = nestedUnit(model, job) ?? fileUnit;
        if (added.length > 0 || n.providers.size > 0)
            work.idToken.add(id);
        for (const step of added) {
            work.edits.push(insertCacStep(text, job, step, { cacRef: ctx.cacRef, preferSha, unit }));
            if (preferSha && !('sha' in ctx.cacRef))
                work.usedTagForSha = true;
            const at = job.stepModels.find((s) => s.index === step.index).map.range[0];
            recordEdit(work, at, {
                kind: 'cac-step-added',
                job: id,
                before: step.index,
                roleArn: step.identity.arn,
                region: step.region,
                if: step.ifText
            });
            if (step.regionMissing) {
                work.regionsMissing.push(lineOf(model, at));
                work.followUps.push({
                    file: model.path,
                    line: lineOf(model, at),
                    reason: `The new configure-aws-credentials step of job ${id} has no region: replace ${step.region} with the AWS region (or pass --region).`,
                    kind: null
                });
            }
        }
    }
    const callOnly = model.triggers.length > 0 && model.triggers.every((t) => t === 'workflow_call');
    if (work.idToken.size > 0 && model.triggers.includes('workflow_call')) {
        work.followUps.push({
            file: model.path,
            line: model.callOffset > 0 ? lineOf(model, model.callOffset) : 1,
            reason: 'This reusable workflow now requests an OIDC token: every calling job needs id-token: write. This pull request changes it only together with every caller in this repository; callers in other repositories are never updated by it: give their calling jobs id-token: write before merging.',
            kind: null
        });
    }
    for (const id of work.idToken) {
        const job = model.jobs.get(id);
        // A called workflow without permissions runs with its caller's: the callers get the entry.
        if (callOnly && !model.permissions && !job.permissions)
            continue;
        const change = idTokenEdits(model, job, ctx.repositoryDefault, nestedUnit(model, job) ?? fileUnit);
        work.edits.push(...change.edits);
        if (change.edit)
            recordEdit(work, change.offset, change.edit);
    }
    return work.idToken.size > 0;
}
/**
 * The `aws-region` of the configure-aws-credentials steps of the job, else of the file, when
 * they all agree (an expression only from the same job: it may read job-level context).
 */
function cacRegion(model, job) {
    const regions = (steps) => {
        const out = new Set();
        for (const s of steps) {
            if (!s.uses || !CAC_USES.test(s.uses.trim()))
                continue;
            const pair = s.with?.map ? get(s.with.map, 'aws-region') : undefined;
            const value = pair ? scalarValue(valueNode(pair)) : null;
            if (value)
                out.add(value);
        }
        return out;
    };
    const own = regions(job.stepModels);
    if (own.size === 1)
        return [...own][0];
    if (own.size > 1)
        return null;
    const all = regions([...model.jobs.values()].flatMap((j) => j.stepModels));
    const only = [...all][0];
    return all.size === 1 && only !== undefined && !only.includes('${{') ? only : null;
}
/** The indentation step of nested maps (job keys relative to job ids), default 2. */
function indentUnit(model) {
    for (const job of model.jobs.values()) {
        const first = job.map.items[0];
        const key = job.pair.key;
        if (!first || job.map.flow || !key?.range)
            continue;
        const col = (o) => o - model.text.lastIndexOf('\n', o - 1) - 1;
        const unit = col(pairStart(first)) - col(key.range[0]);
        if (unit > 0)
            return unit;
    }
    return 2;
}
/**
 * The indentation of maps nested under a key as the job writes them (`permissions:`, `env:`,
 * `secrets:`, a step's `with:` or `env:`), else as the workflow's and the other jobs' do; null
 * when the file has none (the job keys' unit is used).
 */
function nestedUnit(model, job) {
    const own = (j) => [
        j.permissions,
        j.env,
        j.secrets,
        ...j.stepModels.flatMap((s) => [s.with, s.env])
    ];
    const others = [...model.jobs.values()].filter((j) => j !== job);
    for (const held of [...own(job), model.permissions, model.env, ...others.flatMap(own)]) {
        const unit = held ? heldUnit(model.text, held) : null;
        if (unit !== null)
            return unit;
    }
    return null;
}
/** How far a block map's first entry is indented from the key that holds it. */
function heldUnit(text, held) {
    const first = held.map?.items[0];
    const key = held.pair.key;
    if (!first || !held.map || held.map.flow || !key?.range)
        return null;
    const col = (o) => o - text.lastIndexOf('\n', o - 1) - 1;
    const unit = col(pairStart(first)) - col(key.range[0]);
    return unit > 0 ? unit : null;
}
/** Whether most remote actions of the file are pinned by commit SHA. */
function pinsBySha(model) {
    let sha = 0;
    let other = 0;
    for (const job of model.jobs.values()) {
        for (const s of job.stepModels) {
            if (!s.uses || s.uses.startsWith('./') || s.uses.startsWith('docker://'))
                continue;
            if (SHA_PINNED_USES.test(s.uses.trim()))
                sha++;
            else
                other++;
        }
    }
    return sha > other;
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/cac-inputs.ts
/**
 * The inputs of a configure-aws-credentials step moved to v6. v6 reads its boolean inputs with
 * `core.getBooleanInput`, which takes only the YAML 1.2 booleans (`true`/`True`/`TRUE`,
 * `false`/...): a step of v1–v5 written with `mask-aws-account-id: no` or
 * `role-skip-session-tagging: yes` would fail. Such values are converted to `true`/`false` on the
 * steps the rewrite touches. An input that v6 does not declare is named in a follow-up (the
 * runner warns about it and the action ignores it).
 *
 * The lists are those of v6's action.yml as its README documents it (aws-actions/
 * configure-aws-credentials, options list of v6.1.0). No input of v1–v5 was renamed or dropped
 * in v6: the older releases' inputs are all still declared.
 */




/** The boolean inputs of v6. */
const CAC_V6_BOOLEAN_INPUTS = new Set([
    'mask-aws-account-id',
    'role-chaining',
    'role-skip-session-tagging',
    'output-credentials',
    'output-env-credentials',
    'unset-current-credentials',
    'disable-retry',
    'special-characters-workaround',
    'use-existing-credentials',
    'force-skip-oidc',
    'overwrite-aws-profile'
]);
/** Every input v6 declares. */
const CAC_V6_INPUTS = new Set([
    ...CAC_V6_BOOLEAN_INPUTS,
    'aws-region',
    'aws-profile',
    'role-to-assume',
    'aws-access-key-id',
    'aws-secret-access-key',
    'aws-session-token',
    'web-identity-token-file',
    'audience',
    'http-proxy',
    'role-duration-seconds',
    'role-external-id',
    'role-session-name',
    'transitive-tag-keys',
    'inline-session-policy',
    'managed-session-policies',
    'retry-max-attempts',
    'allowed-account-ids',
    'action-timeout-s'
]);
/** YAML 1.1 spellings of a boolean that v6 refuses, and what they meant. */
const OLD_BOOLEANS = new Map([
    ['yes', true],
    ['on', true],
    ['y', true],
    ['no', false],
    ['off', false],
    ['n', false]
]);
/** The value v6 needs for a boolean written as `value`, or null when it reads it already. */
function v6Boolean(value) {
    if (value === 'true' || value === 'false')
        return null;
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === 'false')
        return lower;
    const old = OLD_BOOLEANS.get(lower);
    return old === undefined ? null : old ? 'true' : 'false';
}
/** The conversions and unknown inputs of a step's `with:` map. */
function cacInputEdits(text, step) {
    const out = { edits: [], entries: new Map(), converted: [], unknown: [] };
    for (const p of (step.with?.map?.items ?? [])) {
        const input = keyString(p);
        if (input === null)
            continue;
        const key = p.key;
        if (!CAC_V6_INPUTS.has(input)) {
            out.unknown.push({ input, offset: key?.range?.[0] ?? 0 });
            continue;
        }
        if (!CAC_V6_BOOLEAN_INPUTS.has(input))
            continue;
        const value = valueNode(p);
        if (!(0,dist/* isScalar */.jn)(value) || value.value === null || !value.range)
            continue;
        // As written: `True` is a boolean to the parser, a string to v6.
        const source = text.slice(value.range[0], value.range[1]);
        const written = /^(['"]).*\1$/s.test(source) ? source.slice(1, -1) : source;
        const to = v6Boolean(written);
        if (to === null)
            continue;
        out.edits.push(replaceScalar(value, to));
        out.entries.set(p, `${text.slice(pairStart(p), value.range[0])}${to}`);
        out.converted.push({ input, from: written, to });
    }
    return out;
}
/** v6's boolean inputs written the YAML 1.1 way become `true`/`false`; inputs v6 lacks are named. */
function cacInputs(work, job, step) {
    const changes = cacInputEdits(work.model.text, step);
    // A flow map is written again whole by `cacStepEdits`: it takes the converted entries instead.
    const flow = step.with?.map?.flow === true;
    if (!flow)
        work.edits.push(...changes.edits);
    if (changes.converted.length > 0) {
        const at = step.with.pair.key;
        recordEdit(work, at.range?.[0] ?? 0, {
            kind: 'cac-inputs',
            job,
            step: step.index,
            converted: changes.converted
        });
    }
    for (const u of changes.unknown) {
        work.followUps.push({
            file: work.model.path,
            line: lineOf(work.model, u.offset),
            reason: `configure-aws-credentials v6 has no input ${u.input} (job ${job}, step ${step.index + 1}): the runner warns about it and the action ignores it; remove it, or replace it with the v6 input it stood for.`,
            kind: null
        });
    }
    return flow ? changes.entries : new Map();
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/file.ts
/**
 * Rewrites one file from its findings: every automatic finding becomes edits, the rest become
 * follow-ups. Either every edit applies and the result parses, or the file is left as it was and
 * the findings it would have migrated become follow-ups saying why.
 */











function planFile(path, text, model, findings, ctx) {
    const unchanged = (followUps, rejected) => ({
        after: text,
        edits: [],
        followUps,
        roles: [],
        migrated: [],
        outcome: { assumesRole: false, released: new Set() },
        usedTagForSha: false,
        regionsMissing: [],
        rejected
    });
    if (!model)
        return unchanged(findings.filter((f) => f.kind !== 'non-aws').map(work_followUp), null);
    const work = {
        model,
        ctx,
        findings,
        edits: [],
        recorded: [],
        followUps: [],
        roles: [],
        migrated: [],
        needs: new Map(),
        envRemovals: new Map(),
        idToken: new Set(),
        usedTagForSha: false,
        regionsMissing: []
    };
    try {
        for (const f of findings)
            classify(work, f);
        const released = releasedSecrets(work, findings);
        const assumesRole = finish(work);
        const after = applyEdits(text, work.edits);
        return {
            after,
            edits: work.recorded.sort((a, b) => a.line - b.line),
            followUps: work.followUps,
            roles: work.roles,
            migrated: work.migrated,
            outcome: { assumesRole, released },
            usedTagForSha: work.usedTagForSha,
            regionsMissing: work.regionsMissing,
            rejected: null
        };
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        const offset = error instanceof yaml_edits_UnsupportedEdit ? error.offset : 0;
        const rejected = `not rewritten: ${why}; the file is left as it was`;
        const ups = findings
            .filter((f) => f.kind !== 'non-aws')
            .map((f) => f.migration === 'automatic'
            ? {
                ...work_followUp(f),
                reason: `The static keys ${f.secrets.join(' and ')} stay: this file could not be rewritten (${why}); migrate this use by hand.`
            }
            : work_followUp(f));
        ups.push({
            file: path,
            line: offset > 0 ? lineOf(model, offset) : 1,
            reason: `${capital(rejected)}.`,
            kind: null
        });
        return unchanged(ups, rejected);
    }
}
/** Whether two findings are about the same key material (they share a secret of their pairs). */
function sharesKeys(a, b) {
    const names = pairSecrets(b.pair);
    return [...a.secrets, ...pairSecrets(a.pair)].some((s) => names.includes(s));
}
/**
 * Turns one finding into edits and needs, or a follow-up. Only automatic findings are rewritten
 * (the scanner marks exactly what this rewrite does); a declared workflow_call secret is decided
 * once the file's other findings are.
 */
function classify(work, f) {
    const p = f.path;
    if (f.kind === 'non-aws')
        return;
    if (f.kind === 'reusable-workflow-secret')
        return;
    if (f.migration === 'automatic') {
        if (f.kind === 'configure-aws-credentials' && p[0] === 'jobs')
            return cacStep(work, f);
        if (f.kind === 'env')
            return envKeys(work, f);
        if (f.kind === 'action-input' && p[0] === 'jobs' && dockerLogin(work, f))
            return;
        if (f.kind === 'reusable-workflow-caller' || f.kind === 'reusable-workflow-inherit') {
            if (caller(work, f))
                return;
            const calls = jobOf(work, f).calls;
            const held = calls ? work.ctx.callee(calls)?.held : undefined;
            if (calls && held)
                return void work.followUps.push(callerOfHeldFollowUp(f, calls, held));
        }
    }
    work.followUps.push(work_followUp(f));
}
function cacStep(work, f) {
    const job = jobOf(work, f);
    const step = job.stepModels.find((s) => s.index === f.path[3]);
    if (!step)
        throw new yaml_edits_UnsupportedEdit(`step ${String(f.path[3])} of job ${job.id} not found`, 0);
    const chained = f.roleToAssume !== null;
    // Role chaining: the keys go only when the role they assume will trust GitHub.
    const chainArn = chained ? work.ctx.chainedRole(f.roleToAssume) : null;
    if (chained && chainArn === null)
        return void work.followUps.push(unknownChain(f));
    const identity = work.ctx.identity(f.pair);
    const text = work.model.text;
    const converted = cacInputs(work, job.id, step);
    work.edits.push(...cacStepEdits(text, step, chained ? null : identity.arn, converted));
    const at = step.with.pair.key;
    recordEdit(work, at.range?.[0] ?? 0, {
        kind: 'role-to-assume',
        job: job.id,
        step: step.index,
        roleArn: chainArn ?? identity.arn,
        chained
    });
    const pin = cacPinEdits(text, step, work.ctx.cacRef);
    if (pin) {
        work.edits.push(...pin.edits);
        if (pin.toTag && SHA_PINNED_USES.test(pin.from))
            work.usedTagForSha = true;
        const { from, to, fromComment } = pin;
        recordEdit(work, step.usesNode.range[0], {
            kind: 'action-pin',
            job: job.id,
            step: step.index,
            from,
            to,
            fromComment
        });
    }
    needsOf(work, job.id).providers.set(step.index, chainArn ? `role:${chainArn}` : identity);
    work.idToken.add(job.id);
    work.roles.push(chainArn
        ? { identity: { ...identity, arn: chainArn }, chained: true }
        : { identity, chained: false });
    work.migrated.push(f);
}
/** A step chaining onto a role given by an expression no one resolved: its keys stay. */
function unknownChain(f) {
    return {
        ...work_followUp(f),
        reason: `configure-aws-credentials uses the keys ${f.secrets.join(' and ')} only to assume the role in role-to-assume (${f.roleToAssume ?? ''}), which is not a literal role ARN: that role trusts the IAM user, not GitHub, so the keys stay. Write the role's ARN in role-to-assume (the migration then makes it trust GitHub), or run mode: migrate, which looks for the role among those trusting the key's IAM user.`
    };
}
function envKeys(work, f) {
    const p = f.path;
    const identity = work.ctx.identity(f.pair);
    const secrets = pairSecrets(f.pair);
    const model = work.model;
    let held;
    if (p.length === 2 && p[0] === 'env') {
        held = model.env;
        const unused = [];
        for (const job of model.jobs.values()) {
            if (!job.steps)
                continue;
            if (job.env?.map && job.env.map.items.some((e) => keyString(e) === p[1]))
                continue;
            if (!showsAwsUse(job)) {
                unused.push(job.id);
                continue;
            }
            const n = needsOf(work, job.id);
            n.ambient ??= { identity };
        }
        if (unused.length > 0) {
            work.followUps.push({
                file: model.path,
                line: f.line,
                reason: unused.length === 1
                    ? `The workflow env gave the keys ${secrets.join(' and ')} to every job; job ${unused[0]} shows no AWS use and gets no configure-aws-credentials step: add one if it needs AWS.`
                    : `The workflow env gave the keys ${secrets.join(' and ')} to every job; the jobs ${unused.join(', ')} show no AWS use and get no configure-aws-credentials step: add one to any of them that needs AWS.`,
                kind: null
            });
        }
    }
    else if (p.length === 4 && p[0] === 'jobs' && p[2] === 'env') {
        const job = jobOf(work, f);
        held = job.env;
        needsOf(work, job.id).ambient = { identity };
    }
    else if (p.length === 6 && p[0] === 'jobs' && p[2] === 'steps' && p[4] === 'env') {
        const job = jobOf(work, f);
        const step = job.stepModels.find((s) => s.index === p[3]);
        if (!step)
            throw new yaml_edits_UnsupportedEdit(`step ${String(p[3])} of job ${job.id} not found`, 0);
        held = step.env;
        const prefix = ['jobs', job.id, 'steps', step.index].join('\u0000');
        const other = work.findings.find((g) => g.migration !== 'automatic' &&
            g.kind !== 'non-aws' &&
            g.path.slice(0, 4).join('\u0000') === prefix &&
            sharesKeys(g, f));
        if (other) {
            throw new yaml_edits_UnsupportedEdit(`job ${job.id} step ${step.index + 1} also uses the keys by hand (line ${other.line}); its env keys cannot go alone`, step.map.range?.[0] ?? 0);
        }
        const region = regionIn(step.env?.map ?? null);
        needsOf(work, job.id).steps.set(step.index, {
            identity,
            source: 'step-env',
            region: region?.value ?? null
        });
    }
    else {
        throw new yaml_edits_UnsupportedEdit(`keys in env at ${p.join('.')}`, 0);
    }
    if (!held)
        throw new yaml_edits_UnsupportedEdit(`env map at ${p.join('.')} not found`, 0);
    const entries = keyEnvEntries(held, secrets);
    if (entries.length === 0)
        throw new yaml_edits_UnsupportedEdit(`no key entries found in env at ${p.join('.')}`, 0);
    const list = work.envRemovals.get(held) ?? [];
    list.push(...entries.filter((e) => !list.includes(e)));
    work.envRemovals.set(held, list);
    recordEdit(work, pairStart(entries[0]), {
        kind: 'env-removed',
        job: p.length === 2 ? null : String(p[1]),
        step: p.length === 6 ? Number(p[3]) : null,
        names: entries.map((e) => keyString(e) ?? '')
    });
    work.roles.push({ identity, chained: false });
    work.migrated.push(f);
}
function dockerLogin(work, f) {
    const job = jobOf(work, f);
    const step = job.stepModels.find((s) => s.index === f.path[3]);
    const { accessKeyId: id, secretAccessKey: secret } = f.pair;
    if (!step || id === null || secret === null || f.secrets.some((s) => s !== id && s !== secret)) {
        return false;
    }
    const login = dockerLoginEdits(work.model.text, step, { id, secret });
    if (!login)
        return false;
    const identity = work.ctx.identity(f.pair);
    work.edits.push(...login.edits);
    needsOf(work, job.id).steps.set(step.index, {
        identity,
        source: 'docker-login',
        region: login.region
    });
    work.idToken.add(job.id);
    recordEdit(work, pairStart(step.with.pair), {
        kind: 'docker-login',
        job: job.id,
        step: step.index
    });
    work.roles.push({ identity, chained: false });
    work.migrated.push(f);
    return true;
}
function caller(work, f) {
    const job = jobOf(work, f);
    const outcome = job.calls ? work.ctx.callee(job.calls) : null;
    if (!outcome?.assumesRole)
        return false;
    if (f.kind === 'reusable-workflow-caller') {
        const secrets = pairSecrets(f.pair);
        const entries = (job.secrets?.map?.items ?? []).filter((e) => {
            const name = keyString(e);
            const refs = secretsOf(valueNode(e));
            return (name !== null &&
                outcome.released.has(name) &&
                refs.length > 0 &&
                refs.every((r) => secrets.includes(r)));
        });
        if (entries.length === 0)
            return false;
        const list = work.envRemovals.get(job.secrets) ?? [];
        list.push(...entries.filter((e) => !list.includes(e)));
        work.envRemovals.set(job.secrets, list);
        recordEdit(work, pairStart(entries[0]), {
            kind: 'secrets-not-passed',
            job: job.id,
            secrets: entries.map((e) => keyString(e) ?? ''),
            workflow: job.calls
        });
    }
    work.idToken.add(job.id);
    work.migrated.push(f);
    return true;
}
/**
 * Declared workflow_call secrets of a pair whose every use in this file was migrated: made
 * optional, and callers may stop passing them. Pairs with a use left to a person stay as they are.
 */
function releasedSecrets(work, findings) {
    const released = new Set();
    const declared = work.model.callSecrets;
    for (const f of findings) {
        if (f.kind !== 'reusable-workflow-secret')
            continue;
        const names = pairSecrets(f.pair);
        const users = findings.filter((g) => g !== f && g.kind !== 'reusable-workflow-secret' && g.secrets.some((s) => names.includes(s)));
        if (f.migration !== 'automatic' ||
            !declared ||
            users.length === 0 ||
            !users.every((g) => work.migrated.includes(g))) {
            work.followUps.push(work_followUp(f));
            continue;
        }
        const { edits, changed, offset } = optionalSecretEdits(declared, names);
        work.edits.push(...edits);
        if (changed.length > 0) {
            recordEdit(work, offset, { kind: 'secrets-optional', secrets: changed });
        }
        for (const n of names)
            released.add(n);
        work.migrated.push(f);
    }
    return released;
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/rounds.ts




/**
 * Plans every editable file; `keep` are the files that stay as they are (path -> why), which a
 * called workflow then follows.
 */
function planFiles(files, byFile, models, contextOf, keep) {
    const held = new Map();
    for (;;) {
        const plans = planRounds(files, byFile, models, contextOf, held);
        const more = calleesToHold(models.callers, (file) => plans.get(file)?.outcome.assumesRole ?? false, (file) => keep.get(file) ?? plans.get(file)?.rejected ?? null);
        const added = [...more].filter(([file]) => !held.has(file));
        // Each round holds one more file at least: it ends within as many rounds as there are files.
        if (added.length === 0)
            return plans;
        for (const [file, hold] of added)
            held.set(file, hold);
    }
}
/** A held called workflow: left as it was, its uses follow-ups naming the caller that holds it. */
function heldPlan(file, own, hold) {
    return {
        after: file.text,
        edits: [],
        followUps: heldFollowUps(own, hold),
        roles: [],
        migrated: [],
        outcome: { assumesRole: false, released: new Set(), held: hold },
        usedTagForSha: false,
        regionsMissing: [],
        rejected: `held: job ${hold.job} of ${hold.caller} stays as it is`
    };
}
/** The workflows of the repository each caller calls. */
function callGraph(callers) {
    const calls = new Map();
    for (const [p, model] of callers) {
        const targets = new Set();
        for (const job of model?.jobs.values() ?? []) {
            const target = job.calls === null ? null : localCallee(job.calls);
            if (target !== null)
                targets.add(target);
        }
        calls.set(p, targets);
    }
    return calls;
}
/**
 * Plans every editable file. Called workflows first settle their outcome; a file is planned
 * again only when the outcome of a workflow it calls changed.
 */
function planRounds(files, byFile, models, contextOf, held) {
    const outcomes = new Map();
    const plans = new Map();
    const calls = callGraph(models.callers);
    const callee = (uses) => {
        const target = localCallee(uses);
        return target === null ? null : (outcomes.get(target) ?? null);
    };
    let pending = new Set(models.editable);
    for (let round = 0; round <= files.length && pending.size > 0; round++) {
        const changed = new Set();
        for (const file of files) {
            if (!pending.has(file.path))
                continue;
            const own = byFile.get(file.path) ?? [];
            const ctx = { ...contextOf(file.path), callee };
            const hold = held.get(file.path);
            const plan = hold
                ? heldPlan(file, own, hold)
                : checked(file, own, planFile(file.path, file.text, models.get(file), own, ctx));
            plans.set(file.path, plan);
            if (!sameOutcome(outcomes.get(file.path), plan.outcome)) {
                outcomes.set(file.path, plan.outcome);
                changed.add(file.path);
            }
        }
        pending = new Set([...calls]
            .filter(([p, targets]) => models.editable.has(p) && [...targets].some((t) => changed.has(t)))
            .map(([p]) => p));
    }
    return plans;
}
/**
 * Re-scans a rewritten file: it must parse, and for every finding kind and set of secrets hold
 * no more findings than before minus those migrated (secrets, not pairs: alone, the file cannot
 * complete a pair from the other files). Otherwise the file stays as it was.
 */
function checked(file, before, plan) {
    if (plan.after === file.text)
        return plan;
    const rescan = scanWorkflows([{ path: file.path, text: plan.after }]);
    const key = (f) => `${f.kind}|${f.secrets.join(',')}`;
    const budget = new Map();
    for (const f of before)
        budget.set(key(f), (budget.get(key(f)) ?? 0) + 1);
    for (const f of plan.migrated)
        budget.set(key(f), (budget.get(key(f)) ?? 0) - 1);
    let left = null;
    for (const f of rescan.findings) {
        const n = (budget.get(key(f)) ?? 0) - 1;
        budget.set(key(f), n);
        if (n < 0 || f.migration === 'automatic')
            left ??= f;
    }
    const problem = rescan.errors[0]?.message ??
        (left ? `the rewritten file still has ${left.kind} keys at line ${left.line}` : null);
    if (problem === null)
        return plan;
    const reason = `Not rewritten: ${problem}; the file is left as it was.`;
    return {
        ...plan,
        after: file.text,
        edits: [],
        roles: [],
        migrated: [],
        regionsMissing: [],
        outcome: { assumesRole: false, released: new Set() },
        followUps: [
            ...plan.migrated.map((f) => ({
                file: f.file,
                line: f.line,
                reason: `The static keys ${f.secrets.join(' and ')} stay: this file could not be rewritten (${problem}); migrate this use by hand.`,
                kind: f.kind
            })),
            // Follow-ups the rewrite raised itself (regions, callers) no longer apply.
            ...plan.followUps.filter((u) => u.kind !== null),
            { file: file.path, line: 1, reason, kind: null }
        ].sort((a, b) => a.line - b.line),
        rejected: reason
    };
}
function sameOutcome(a, b) {
    if ((a?.held ?? null) !== (b.held ?? null))
        return false;
    const aRole = a?.assumesRole ?? false;
    const aReleased = a?.released ?? new Set();
    return (aRole === b.assumesRole &&
        aReleased.size === b.released.size &&
        [...b.released].every((s) => aReleased.has(s)));
}

;// CONCATENATED MODULE: ./src/workflows/rewrite/rewrite.ts
/**
 * The workflow rewriter: the scanner's findings and a role ARN per key pair in, rewritten
 * workflow text out. Pure. Each file is either fully migrated (every automatic finding rewritten,
 * the result valid YAML whose re-scan finds none of the migrated keys) or left byte for byte as
 * it was; what stays manual is returned as follow-ups.
 *
 * Reusable workflows of the repository are rewritten together with their callers: a called
 * workflow that now assumes a role makes every calling job get `id-token: write`, and declared key
 * secrets it no longer uses become optional so that its callers stop passing them. Callers wait
 * for their callees' outcome, so files are planned until no outcome changes.
 */












// Findings the rewrite may turn into edits (`parsed.ts`); a file may still be left as it was
// (see RewriteResult.findings).

/** Checks a role ARN given by a person; the message names the input and what is allowed. */
function validateRoleArn(arn, input) {
    if (arn !== PLACEHOLDER_ARN && !ROLE_ARN.test(arn)) {
        throw new Error(`${input}: '${arn}' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`);
    }
    return arn;
}
/**
 * Rewrites the files. `trees` are the scan's parsed trees (`scanWorkflows(files).trees`, for the
 * same file objects); a file without one is parsed again.
 */
function rewriteWorkflows(files, findings, options = {}, trees) {
    for (const [name, arn] of Object.entries(options.roleArns ?? {})) {
        validateRoleArn(arn, `role ARN for ${name}`);
    }
    if (options.defaultRoleArn)
        validateRoleArn(options.defaultRoleArn, 'default role ARN');
    const cacRef = validateCacRef(options.cacRef ?? { tag: CAC_TAG });
    const byFile = findingsByFile(findings);
    const models = fileModels(files, byFile, trees, options.keep);
    const passed = passedSecrets(models.callers);
    const keep = options.keep ?? new Map();
    const plans = planFiles(files, byFile, models, (file) => ({
        identity: (pair) => identityFor(pair, file, passed, options),
        region: options.region ?? null,
        repositoryDefault: options.repositoryDefault ?? 'restricted',
        cacRef,
        // Only a literal ARN is known to be the role the migration makes trust GitHub.
        chainedRole: (value) => (ROLE_ARN.test(value.trim()) ? value.trim() : null)
    }), keep);
    return result(files, findings, byFile, plans, options, cacRef);
}
function findingsByFile(findings) {
    const byFile = new Map();
    for (const f of findings) {
        const own = byFile.get(f.file);
        if (own)
            own.push(f);
        else
            byFile.set(f.file, [f]);
    }
    return byFile;
}
/**
 * Only files the rewrite may edit are parsed again: those with findings it can migrate and
 * those calling a reusable workflow of the repository (they may need id-token: write). The
 * scan's tree of such a file is taken when given (`parsed.ts`). Other trees are not kept: a
 * file planned again is parsed again (rare), and memory stays small.
 */
function fileModels(files, byFile, trees, keep) {
    const editable = new Set();
    const callers = new Map();
    const model = (f) => parseModel(f.path, f.text, trees?.take(f) ?? undefined);
    for (const f of files) {
        const own = byFile.get(f.path) ?? [];
        const calling = callsLocalWorkflow(f.text);
        if ((own.some(mayRewrite) || calling) && !keep?.has(f.path))
            editable.add(f.path);
        if (calling)
            callers.set(f.path, model(f));
    }
    return {
        editable,
        callers,
        get: (file) => (callers.has(file.path) ? callers.get(file.path) : model(file))
    };
}
/**
 * For each local reusable workflow, the repository secrets its in-repo callers pass under each
 * declared name (`access_key_id` -> {`PROD_AWS_ACCESS_KEY_ID`}).
 */
function passedSecrets(models) {
    const out = new Map();
    for (const model of models.values()) {
        for (const job of model?.jobs.values() ?? []) {
            const path = job.calls === null ? null : localCallee(job.calls);
            if (path === null || !job.secrets?.map)
                continue;
            const names = out.get(path) ?? new Map();
            for (const entry of job.secrets.map.items) {
                const name = keyString(entry);
                if (name === null)
                    continue;
                const set = names.get(name) ?? new Set();
                for (const s of secretsOf(valueNode(entry)))
                    set.add(s);
                names.set(name, set);
            }
            out.set(path, names);
        }
    }
    return out;
}
/** The role a pair assumes: given per secret, through the callers of a reusable workflow, by default, or a placeholder. */
function identityFor(pair, file, passed, options) {
    const name = pair.accessKeyId ?? pair.secretAccessKey ?? '?';
    const arns = options.roleArns ?? {};
    const fallback = options.defaultRoleArn ?? PLACEHOLDER_ARN;
    const own = arns[name];
    if (own)
        return { pairKey: pairKey(pair), pair, arn: own };
    const viaCallers = [...(passed.get(file)?.get(name) ?? [])];
    if (viaCallers.length > 1) {
        throw new yaml_edits_UnsupportedEdit(`callers pass different keys (${viaCallers.sort().join(', ')}) as ${name}, so no single role replaces them; give the reusable workflow a role input and migrate by hand`, 0);
    }
    const via = viaCallers[0];
    if (via === undefined)
        return { pairKey: pairKey(pair), pair, arn: fallback };
    // The callers' repository secrets are the key that the role replaces.
    const passedAs = (n) => {
        const names = [...(n === null ? [] : (passed.get(file)?.get(n) ?? []))];
        return names.length === 1 ? names[0] : n;
    };
    const repoPair = {
        accessKeyId: via,
        secretAccessKey: passedAs(pair.secretAccessKey),
        sessionToken: passedAs(pair.sessionToken)
    };
    return { pairKey: pairKey(repoPair), pair: repoPair, arn: arns[via] ?? fallback };
}
function result(files, findings, byFile, plans, options, cacRef) {
    const out = [];
    const roles = new Map();
    let tagForSha = false;
    let defaultUsed = false;
    const regions = [];
    for (const file of files) {
        const plan = plans.get(file.path);
        if (!plan) {
            out.push({
                path: file.path,
                before: file.text,
                after: file.text,
                changed: false,
                edits: [],
                followUps: (byFile.get(file.path) ?? [])
                    .filter((f) => f.kind !== 'non-aws')
                    .map((f) => ({ file: f.file, line: f.line, reason: f.reason, kind: f.kind }))
            });
            continue;
        }
        out.push({
            path: file.path,
            before: file.text,
            after: plan.after,
            changed: plan.after !== file.text,
            edits: plan.edits,
            followUps: plan.followUps,
            ...(plan.outcome.held ? { heldBy: plan.outcome.held } : {})
        });
        tagForSha ||= plan.usedTagForSha;
        for (const line of plan.regionsMissing)
            regions.push({ file: file.path, line });
        defaultUsed ||= plan.edits.some((e) => e.kind === 'id-token' && e.change === 'add-block' && e.from === 'repository-default');
        for (const { identity, chained } of plan.roles) {
            const key = `${identity.pairKey}|${identity.arn}|${chained}`;
            const entry = roles.get(key) ?? {
                role: {
                    pairKey: identity.pairKey,
                    pair: identity.pair,
                    arn: identity.arn,
                    placeholder: identity.arn === PLACEHOLDER_ARN,
                    chained
                },
                files: new Set()
            };
            entry.files.add(file.path);
            roles.set(key, entry);
        }
    }
    const notes = [];
    if (tagForSha && !('sha' in cacRef)) {
        notes.push(`configure-aws-credentials: no ${CAC_TAG} release SHA known (offline); SHA-pinned steps are pinned to tag ${CAC_TAG} instead of a SHA.`);
    }
    if (defaultUsed && !options.repositoryDefault) {
        notes.push('Default token permissions of the repository unknown: assumed restricted (contents: read, packages: read) for jobs without permissions.');
    }
    const placeholders = [...roles.values()].filter((r) => r.role.placeholder);
    if (placeholders.length > 0) {
        notes.push(`No role ARN given for ${placeholders.map((r) => r.role.pair.accessKeyId ?? r.role.pairKey).join(', ')}: the placeholder ${PLACEHOLDER_ARN} is written; replace it before merging.`);
    }
    return {
        files: out,
        roles: [...roles.values()].map(({ role, files: f }) => ({ ...role, files: [...f].sort() })),
        notes,
        missingRegions: regions,
        findings: rewrite_settledFindings(findings, plans, out)
    };
}
/**
 * The findings in scan order, automatic only where the rewrite migrated them: an automatic
 * finding of a file left as it was becomes manual with the follow-up's reason.
 */
function rewrite_settledFindings(findings, plans, files) {
    const migrated = new Set([...plans.values()].flatMap((p) => p.migrated));
    const ups = new Map(files.map((f) => [f.path, f.followUps]));
    return findings.map((f) => {
        if (f.migration !== 'automatic' || migrated.has(f))
            return f;
        const up = (ups.get(f.file) ?? []).find((u) => u.line === f.line && u.kind === f.kind);
        return {
            ...f,
            migration: 'manual',
            reason: up?.reason ?? 'Not rewritten automatically (the rewrite left this use); migrate it by hand.'
        };
    });
}

;// CONCATENATED MODULE: ./src/workflows/plan.ts


function planWorkflows(files, options = {}, scanOptions = {}) {
    const scan = scanWorkflows(files, scanOptions);
    const rewrite = rewriteWorkflows(files, scan.findings, options, scan.trees);
    return { result: { findings: rewrite.findings, errors: scan.errors }, rewrite };
}

;// CONCATENATED MODULE: ./src/report/edits.ts
/** An edit in words, e.g. `job deploy: permissions gain id-token: write`. */
function describeEdit(edit) {
    switch (edit.kind) {
        case 'id-token':
            return `job ${edit.job}: permissions ${idTokenChangeText(edit)}`;
        case 'action-pin':
            return `job ${edit.job}: ${edit.from} -> ${edit.to}`;
        case 'cac-inputs':
            return `job ${edit.job}: configure-aws-credentials ${edit.converted.map((c) => `${c.input}: ${c.from} -> ${c.to}`).join(', ')} (v6 reads only true/false)`;
        case 'role-to-assume':
            return `job ${edit.job}: configure-aws-credentials ${roleToAssumeText(edit)}`;
        case 'cac-step-added':
            return `job ${edit.job}: configure-aws-credentials step added ${newStepText(edit)}`;
        case 'env-removed':
            return `${edits_envScope(edit)} env: ${edit.names.join(', ')} removed`;
        case 'docker-login':
            return `job ${edit.job}: docker login to ECR uses the role's credentials; username/password removed`;
        case 'secrets-not-passed':
            return `job ${edit.job}: no longer passes ${edit.secrets.join(', ')} to ${edit.workflow}`;
        case 'secrets-optional':
            return `workflow_call secrets ${edit.secrets.join(', ')}: required: false (no longer used)`;
    }
}
/** What an id-token edit did to the job's permissions, e.g. `id-token read -> write`. */
function idTokenChangeText(edit) {
    switch (edit.change) {
        case 'upgrade':
            return `id-token ${edit.from} -> write`;
        case 'add-entry':
            return 'gain id-token: write';
        case 'expand':
            return `${edit.from} written out as a map with id-token: write`;
        case 'add-block': {
            const copied = edit.from === 'workflow'
                ? 'a copy of the workflow permissions'
                : `the repository default (${edit.repositoryDefault})`;
            return `added: ${copied} plus id-token: write`;
        }
    }
}
/** What became of a configure-aws-credentials step's key inputs. */
function roleToAssumeText(edit) {
    return edit.chained
        ? `assumes ${edit.roleArn} directly with OIDC; key inputs removed`
        : `key inputs replaced by role-to-assume ${edit.roleArn}`;
}
/** Where a new step goes and what it is written with (the step counted from 1). */
function newStepText(edit) {
    const condition = edit.if ? `, if: ${edit.if}` : '';
    return `before step ${edit.before + 1} (role-to-assume ${edit.roleArn}, aws-region ${edit.region}${condition})`;
}
/** The env map the keys left: `workflow`, `job build` or `job build step 3`. */
function edits_envScope(edit) {
    if (edit.job === null)
        return 'workflow';
    return edit.step === null ? `job ${edit.job}` : `job ${edit.job} step ${edit.step + 1}`;
}
/** An edit as the JSON outputs show it: its fields and its words (`description`). */
function editJson(edit) {
    return { ...edit, description: describeEdit(edit) };
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/diff/base.js
class Diff {
    diff(oldStr, newStr, 
    // Type below is not accurate/complete - see above for full possibilities - but it compiles
    options = {}) {
        let callback;
        if (typeof options === 'function') {
            callback = options;
            options = {};
        }
        else if ('callback' in options) {
            callback = options.callback;
        }
        // Allow subclasses to massage the input prior to running
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
    }
    diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
            value = this.postProcess(value, options);
            if (callback) {
                setTimeout(function () { callback(value); }, 0);
                return undefined;
            }
            else {
                return value;
            }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
            maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: undefined }];
        // Seed editLength = 0, i.e. the content starts with the same values
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
            // Identity per the equality and tokenizer
            return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        // Once we hit the right edge of the edit graph on some diagonal k, we can
        // definitely reach the end of the edit graph in no more than k edits, so
        // there's no point in considering any moves to diagonal k+1 any more (from
        // which we're guaranteed to need at least k+1 more edits).
        // Similarly, once we've reached the bottom of the edit graph, there's no
        // point considering moves to lower diagonals.
        // We record this fact by setting minDiagonalToConsider and
        // maxDiagonalToConsider to some finite value once we've hit the edge of
        // the edit graph.
        // This optimization is not faithful to the original algorithm presented in
        // Myers's paper, which instead pointlessly extends D-paths off the end of
        // the edit graph - see page 7 of Myers's paper which notes this point
        // explicitly and illustrates it with a diagram. This has major performance
        // implications for some common scenarios. For instance, to compute a diff
        // where the new text simply appends d characters on the end of the
        // original text of length n, the true Myers algorithm will take O(n+d^2)
        // time while this optimization needs only O(n+d) time.
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        // Main worker method. checks all permutations of a given edit length for acceptance.
        const execEditLength = () => {
            for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
                let basePath;
                const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
                if (removePath) {
                    // No one else is going to attempt to use this value, clear it
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath - 1] = undefined;
                }
                let canAdd = false;
                if (addPath) {
                    // what newPos will be after we do an insertion:
                    const addPathNewPos = addPath.oldPos - diagonalPath;
                    canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
                }
                const canRemove = removePath && removePath.oldPos + 1 < oldLen;
                if (!canAdd && !canRemove) {
                    // If this path is a terminal then prune
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath] = undefined;
                    continue;
                }
                // Select the diagonal that we want to branch from. We select the prior
                // path whose position in the old string is the farthest from the origin
                // and does not pass the bounds of the diff graph
                if (!canRemove || (canAdd && removePath.oldPos < addPath.oldPos)) {
                    basePath = this.addToPath(addPath, true, false, 0, options);
                }
                else {
                    basePath = this.addToPath(removePath, false, true, 1, options);
                }
                newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
                if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
                    // If we have hit the end of both strings, then we are done
                    return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
                }
                else {
                    bestPath[diagonalPath] = basePath;
                    if (basePath.oldPos + 1 >= oldLen) {
                        maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
                    }
                    if (newPos + 1 >= newLen) {
                        minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
                    }
                }
            }
            editLength++;
        };
        // Performs the length of edit iteration. Is a bit fugly as this has to support the
        // sync and async mode which is never fun. Loops over execEditLength until a value
        // is produced, or until the edit length exceeds options.maxEditLength (if given),
        // in which case it will return undefined.
        if (callback) {
            (function exec() {
                setTimeout(function () {
                    if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                        return callback(undefined);
                    }
                    if (!execEditLength()) {
                        exec();
                    }
                }, 0);
            }());
        }
        else {
            while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
                const ret = execEditLength();
                if (ret) {
                    return ret;
                }
            }
        }
    }
    addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: last.count + 1, added: added, removed: removed, previousComponent: last.previousComponent }
            };
        }
        else {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: 1, added: added, removed: removed, previousComponent: last }
            };
        }
    }
    extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
            newPos++;
            oldPos++;
            commonCount++;
            if (options.oneChangePerToken) {
                basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
            }
        }
        if (commonCount && !options.oneChangePerToken) {
            basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
    }
    equals(left, right, options) {
        if (options.comparator) {
            return options.comparator(left, right);
        }
        else {
            return left === right
                || (!!options.ignoreCase && left.toLowerCase() === right.toLowerCase());
        }
    }
    removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
            if (array[i]) {
                ret.push(array[i]);
            }
        }
        return ret;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    castInput(value, options) {
        return value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    tokenize(value, options) {
        return Array.from(value);
    }
    join(chars) {
        // Assumes ValueT is string, which is the case for most subclasses.
        // When it's false, e.g. in diffArrays, this method needs to be overridden (e.g. with a no-op)
        // Yes, the casts are verbose and ugly, because this pattern - of having the base class SORT OF
        // assume tokens and values are strings, but not completely - is weird and janky.
        return chars.join('');
    }
    postProcess(changeObjects, 
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    options) {
        return changeObjects;
    }
    get useLongestToken() {
        return false;
    }
    buildValues(lastComponent, newTokens, oldTokens) {
        // First we convert our linked list of components in reverse order to an
        // array in the right order:
        const components = [];
        let nextComponent;
        while (lastComponent) {
            components.push(lastComponent);
            nextComponent = lastComponent.previousComponent;
            delete lastComponent.previousComponent;
            lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
            const component = components[componentPos];
            if (!component.removed) {
                if (!component.added && this.useLongestToken) {
                    let value = newTokens.slice(newPos, newPos + component.count);
                    value = value.map(function (value, i) {
                        const oldValue = oldTokens[oldPos + i];
                        return oldValue.length > value.length ? oldValue : value;
                    });
                    component.value = this.join(value);
                }
                else {
                    component.value = this.join(newTokens.slice(newPos, newPos + component.count));
                }
                newPos += component.count;
                // Common case
                if (!component.added) {
                    oldPos += component.count;
                }
            }
            else {
                component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
                oldPos += component.count;
            }
        }
        return components;
    }
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/diff/line.js


class LineDiff extends Diff {
    constructor() {
        super(...arguments);
        this.tokenize = tokenize;
    }
    equals(left, right, options) {
        // If we're ignoring whitespace, we need to normalise lines by stripping
        // whitespace before checking equality. (This has an annoying interaction
        // with newlineIsToken that requires special handling: if newlines get their
        // own token, then we DON'T want to trim the *newline* tokens down to empty
        // strings, since this would cause us to treat whitespace-only line content
        // as equal to a separator between lines, which would be weird and
        // inconsistent with the documented behavior of the options.)
        if (options.ignoreWhitespace) {
            if (!options.newlineIsToken || !left.includes('\n')) {
                left = left.trim();
            }
            if (!options.newlineIsToken || !right.includes('\n')) {
                right = right.trim();
            }
        }
        else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
            if (left.endsWith('\n')) {
                left = left.slice(0, -1);
            }
            if (right.endsWith('\n')) {
                right = right.slice(0, -1);
            }
        }
        return super.equals(left, right, options);
    }
}
const lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
    return lineDiff.diff(oldStr, newStr, options);
}
function diffTrimmedLines(oldStr, newStr, options) {
    options = generateOptions(options, { ignoreWhitespace: true });
    return lineDiff.diff(oldStr, newStr, options);
}
// Exported standalone so it can be used from jsonDiff too.
function tokenize(value, options) {
    if (options.stripTrailingCr) {
        // remove one \r before \n to match GNU diff's --strip-trailing-cr behavior
        value = value.replace(/\r\n/g, '\n');
    }
    const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
    // Ignore the final empty token that occurs if the string ends with a new line
    if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
    }
    // Merge the content and line separators into single tokens
    for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
            retLines[retLines.length - 1] += line;
        }
        else {
            retLines.push(line);
        }
    }
    return retLines;
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/patch/create.js

/**
 * Returns true if the filename contains characters that require C-style
 * quoting (as used by Git and GNU diffutils in diff output).
 */
function needsQuoting(s) {
    for (let i = 0; i < s.length; i++) {
        if (s[i] < '\x20' || s[i] > '\x7e' || s[i] === '"' || s[i] === '\\') {
            return true;
        }
    }
    return false;
}
/**
 * C-style quotes a filename, encoding special characters as escape sequences
 * and non-ASCII bytes as octal escapes. This is the inverse of
 * `parseQuotedFileName` in parse.ts.
 *
 * Non-ASCII bytes are encoded as UTF-8 before being emitted as octal escapes.
 * This matches the behaviour of both Git and GNU diffutils, which always emit
 * UTF-8 octal escapes regardless of the underlying filesystem encoding (e.g.
 * Git for Windows converts from NTFS's UTF-16 to UTF-8 internally).
 *
 * If the filename doesn't need quoting, returns it as-is.
 */
function quoteFileNameIfNeeded(s) {
    if (!needsQuoting(s)) {
        return s;
    }
    let result = '"';
    const bytes = new TextEncoder().encode(s);
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        // See https://en.wikipedia.org/wiki/Escape_sequences_in_C#Escape_sequences
        if (b === 0x07) {
            result += '\\a';
        }
        else if (b === 0x08) {
            result += '\\b';
        }
        else if (b === 0x09) {
            result += '\\t';
        }
        else if (b === 0x0a) {
            result += '\\n';
        }
        else if (b === 0x0b) {
            result += '\\v';
        }
        else if (b === 0x0c) {
            result += '\\f';
        }
        else if (b === 0x0d) {
            result += '\\r';
        }
        else if (b === 0x22) {
            result += '\\"';
        }
        else if (b === 0x5c) {
            result += '\\\\';
        }
        else if (b >= 0x20 && b <= 0x7e) {
            // Just a printable ASCII character that is neither a double quote nor a
            // backslash; no need to escape it.
            result += String.fromCharCode(b);
        }
        else {
            // Either part of a non-ASCII character or a control character without a
            // special escape sequence; needs escaping as a 3-digit octal escape
            result += '\\' + b.toString(8).padStart(3, '0');
        }
        i++;
    }
    result += '"';
    return result;
}
const INCLUDE_HEADERS = {
    includeIndex: true,
    includeUnderline: true,
    includeFileHeaders: true
};
const FILE_HEADERS_ONLY = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: true
};
const OMIT_HEADERS = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: false
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    let optionsObj;
    if (!options) {
        optionsObj = {};
    }
    else if (typeof options === 'function') {
        optionsObj = { callback: options };
    }
    else {
        optionsObj = options;
    }
    if (typeof optionsObj.context === 'undefined') {
        optionsObj.context = 4;
    }
    // We copy this into its own variable to placate TypeScript, which thinks
    // optionsObj.context might be undefined in the callbacks below.
    const context = optionsObj.context;
    // @ts-expect-error (runtime check for something that is correctly a static type error)
    if (optionsObj.newlineIsToken) {
        throw new Error('newlineIsToken may not be used with patch-generation functions, only with diffing functions');
    }
    if (!optionsObj.callback) {
        return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
    }
    else {
        const { callback } = optionsObj;
        diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
                const patch = diffLinesResultToPatch(diff);
                // TypeScript is unhappy without the cast because it does not understand that `patch` may
                // be undefined here only if `callback` is StructuredPatchCallbackAbortable:
                callback(patch);
            } }));
    }
    function diffLinesResultToPatch(diff) {
        // STEP 1: Build up the patch with no "\ No newline at end of file" lines and with the arrays
        //         of lines containing trailing newline characters. We'll tidy up later...
        if (!diff) {
            return;
        }
        diff.push({ value: '', lines: [] }); // Append an empty value to make cleanup easier
        function contextLines(lines) {
            return lines.map(function (entry) { return ' ' + entry; });
        }
        const hunks = [];
        let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
        for (let i = 0; i < diff.length; i++) {
            const current = diff[i], lines = current.lines || splitLines(current.value);
            current.lines = lines;
            if (current.added || current.removed) {
                // If we have previous context, start with that
                if (!oldRangeStart) {
                    const prev = diff[i - 1];
                    oldRangeStart = oldLine;
                    newRangeStart = newLine;
                    if (prev) {
                        curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
                        oldRangeStart -= curRange.length;
                        newRangeStart -= curRange.length;
                    }
                }
                // Output our changes
                for (const line of lines) {
                    curRange.push((current.added ? '+' : '-') + line);
                }
                // Track the updated file position
                if (current.added) {
                    newLine += lines.length;
                }
                else {
                    oldLine += lines.length;
                }
            }
            else {
                // Identical context lines. Track line changes
                if (oldRangeStart) {
                    // Close out any changes that have been output (or join overlapping)
                    if (lines.length <= context * 2 && i < diff.length - 2) {
                        // Overlapping
                        for (const line of contextLines(lines)) {
                            curRange.push(line);
                        }
                    }
                    else {
                        // end the range and output
                        const contextSize = Math.min(lines.length, context);
                        for (const line of contextLines(lines.slice(0, contextSize))) {
                            curRange.push(line);
                        }
                        const hunk = {
                            oldStart: oldRangeStart,
                            oldLines: (oldLine - oldRangeStart + contextSize),
                            newStart: newRangeStart,
                            newLines: (newLine - newRangeStart + contextSize),
                            lines: curRange
                        };
                        hunks.push(hunk);
                        oldRangeStart = 0;
                        newRangeStart = 0;
                        curRange = [];
                    }
                }
                oldLine += lines.length;
                newLine += lines.length;
            }
        }
        // Step 2: eliminate the trailing `\n` from each line of each hunk, and, where needed, add
        //         "\ No newline at end of file".
        for (const hunk of hunks) {
            for (let i = 0; i < hunk.lines.length; i++) {
                if (hunk.lines[i].endsWith('\n')) {
                    hunk.lines[i] = hunk.lines[i].slice(0, -1);
                }
                else {
                    hunk.lines.splice(i + 1, 0, '\\ No newline at end of file');
                    i++; // Skip the line we just added, then continue iterating
                }
            }
        }
        return {
            oldFileName: oldFileName, newFileName: newFileName,
            oldHeader: oldHeader, newHeader: newHeader,
            hunks: hunks
        };
    }
}
/**
 * creates a unified diff patch.
 *
 * @param patch either a single structured patch object (as returned by `structuredPatch`) or an
 *   array of them (as returned by `parsePatch`).
 * @param headerOptions behaves the same as the `headerOptions` option of `createTwoFilesPatch`.
 *   Ignored for patches where `isGit` is `true`.
 *
 * When a patch has `isGit: true`, `formatPatch` output is changed to more closely match Git's
 * output: it emits a `diff --git` header, emits Git extended headers as appropriate based on
 * properties like `isRename`, `isCreate`, `newMode`, etc, and will omit `---`/`+++` file
 * headers for patches with no hunks (e.g. renames without content changes).
 */
function formatPatch(patch, headerOptions) {
    var _a, _b, _c, _d, _e, _f;
    if (!headerOptions) {
        headerOptions = INCLUDE_HEADERS;
    }
    if (Array.isArray(patch)) {
        if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every(p => p.isGit)) {
            throw new Error('Cannot omit file headers on a multi-file patch. '
                + '(The result would be unparseable; how would a tool trying to apply '
                + 'the patch know which changes are to which file?)');
        }
        return patch.map(p => formatPatch(p, headerOptions)).join('\n');
    }
    const ret = [];
    // Git patches have a fixed header format (diff --git, extended headers,
    // and ---/+++ when hunks are present), so headerOptions is ignored.
    if (patch.isGit) {
        headerOptions = INCLUDE_HEADERS;
        // Emit Git-style diff --git header and extended headers.
        // Git never puts /dev/null in the "diff --git" line; for file
        // creations/deletions it uses the real filename on both sides.
        if (!patch.oldFileName) {
            throw new Error('oldFileName must be specified for Git patches');
        }
        if (!patch.newFileName) {
            throw new Error('newFileName must be specified for Git patches');
        }
        let gitOldName = patch.oldFileName;
        let gitNewName = patch.newFileName;
        if (patch.isCreate && gitOldName === '/dev/null') {
            gitOldName = gitNewName.replace(/^b\//, 'a/');
        }
        else if (patch.isDelete && gitNewName === '/dev/null') {
            gitNewName = gitOldName.replace(/^a\//, 'b/');
        }
        ret.push('diff --git ' + quoteFileNameIfNeeded(gitOldName) + ' ' + quoteFileNameIfNeeded(gitNewName));
        if (patch.isDelete) {
            ret.push('deleted file mode ' + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : '100644'));
        }
        if (patch.isCreate) {
            ret.push('new file mode ' + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : '100644'));
        }
        if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
            ret.push('old mode ' + patch.oldMode);
            ret.push('new mode ' + patch.newMode);
        }
        if (patch.isRename) {
            ret.push('rename from ' + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : '').replace(/^a\//, '')));
            ret.push('rename to ' + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : '').replace(/^b\//, '')));
        }
        if (patch.isCopy) {
            ret.push('copy from ' + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : '').replace(/^a\//, '')));
            ret.push('copy to ' + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : '').replace(/^b\//, '')));
        }
    }
    else {
        if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== undefined) {
            ret.push('Index: ' + patch.oldFileName);
        }
        if (headerOptions.includeUnderline) {
            ret.push('===================================================================');
        }
    }
    // Emit --- / +++ file headers. For Git patches with no hunks (e.g.
    // pure renames, mode-only changes), Git omits these, so we do too.
    const hasHunks = patch.hunks.length > 0;
    if (headerOptions.includeFileHeaders && patch.oldFileName !== undefined && patch.newFileName !== undefined
        && (!patch.isGit || hasHunks)) {
        ret.push('--- ' + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? '\t' + patch.oldHeader : ''));
        ret.push('+++ ' + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? '\t' + patch.newHeader : ''));
    }
    for (let i = 0; i < patch.hunks.length; i++) {
        const hunk = patch.hunks[i];
        // Unified Diff Format quirk: If the chunk size is 0,
        // the first number is one lower than one would expect.
        // https://www.artima.com/weblogs/viewpost.jsp?thread=164293
        const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
        const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
        ret.push('@@ -' + oldStart + ',' + hunk.oldLines
            + ' +' + newStart + ',' + hunk.newLines
            + ' @@');
        for (const line of hunk.lines) {
            ret.push(line);
        }
    }
    return ret.join('\n') + '\n';
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    if (typeof options === 'function') {
        options = { callback: options };
    }
    if (!(options === null || options === void 0 ? void 0 : options.callback)) {
        const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
        if (!patchObj) {
            return;
        }
        return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
    }
    else {
        const { callback } = options;
        structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: patchObj => {
                if (!patchObj) {
                    callback(undefined);
                }
                else {
                    callback(formatPatch(patchObj, options.headerOptions));
                }
            } }));
    }
}
function createPatch(fileName, oldStr, newStr, oldHeader, newHeader, options) {
    return createTwoFilesPatch(fileName, fileName, oldStr, newStr, oldHeader, newHeader, options);
}
/**
 * Split `text` into an array of lines, including the trailing newline character (where present)
 */
function splitLines(text) {
    const hasTrailingNl = text.endsWith('\n');
    const result = text.split('\n').map(line => line + '\n');
    if (hasTrailingNl) {
        result.pop();
    }
    else {
        result.push(result.pop().slice(0, -1));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/workflows/diff.ts
/**
 * Unified diffs of rewritten files, as `git diff` prints them (`a/` and `b/` prefixes, three
 * lines of context). Carriage returns stay in the lines, so a CRLF file shows CRLF lines.
 */

/** The unified diff of one file; '' when nothing changed. */
function unifiedDiff(file, context = 3) {
    if (file.before === file.after)
        return '';
    const patch = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, undefined, undefined, { context });
    // Drop the `Index:`/`====` preamble some versions print; keep from the `---` header on.
    const at = patch.indexOf('--- ');
    return at > 0 ? patch.slice(at) : patch;
}
/** The diffs of every changed file, in the given order, joined. */
function unifiedDiffs(files, context = 3) {
    return files
        .map((f) => unifiedDiff(f, context))
        .filter((d) => d !== '')
        .join('');
}

;// CONCATENATED MODULE: ./src/cli/rewrite.ts
/**
 * The rewrite part of `plan`: `--diff` (unified diffs of what would change), `--write` (rewrite
 * the files in place), `--role-arn SECRET=ARN` (repeatable; a bare ARN applies to every key
 * pair) and `--region R`. Offline: configure-aws-credentials is pinned by tag and the
 * repository's default token permissions are assumed restricted (both said in the notes).
 */






const REWRITE_USAGE = `  --diff                     print unified diffs of the rewritten workflows (placeholder
                             ARNs ${PLACEHOLDER_ARN} where none is given)
  --write                    rewrite the workflow files in place (needs a role ARN for every key)
  --role-arn SECRET=ARN      the role replacing the key whose access-key-id secret is SECRET;
                             repeatable; a bare --role-arn ARN applies to every key
  --region R                 AWS region for new configure-aws-credentials steps when the
                             workflow does not show one
`;
/** Whether any rewrite flag is given. */
function wantsRewrite(flags) {
    return flags.diff || flags.write || flags.roleArns.length > 0 || flags.region !== undefined;
}
/** Reads `--role-arn` and `--region` into rewrite options; throws a message naming the flag. */
function rewriteOptions(flags) {
    const roleArns = {};
    let defaultRoleArn = null;
    for (const value of flags.roleArns) {
        const eq = value.indexOf('=');
        if (eq < 0) {
            if (defaultRoleArn !== null && defaultRoleArn !== value) {
                throw new Error(`--role-arn ${value}: a role ARN for every key is already given (${defaultRoleArn})`);
            }
            defaultRoleArn = validateRoleArn(value, '--role-arn');
            continue;
        }
        const secret = value.slice(0, eq).trim();
        const arn = value.slice(eq + 1).trim();
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secret)) {
            throw new Error(`--role-arn ${value}: '${secret}' is not a secret name (letters, digits and _, not starting with a digit)`);
        }
        if (roleArns[secret] !== undefined && roleArns[secret] !== arn) {
            throw new Error(`--role-arn ${value}: ${secret} already has the role ${roleArns[secret]}`);
        }
        roleArns[secret] = validateRoleArn(arn, `--role-arn ${secret}`);
    }
    if (flags.region !== undefined && !REGION.test(flags.region)) {
        throw new Error(`--region '${flags.region}' is not an AWS region (like eu-west-1)`);
    }
    return { roleArns, defaultRoleArn, region: flags.region ?? null };
}
/** The JSON plan's additions: per file the edits and follow-ups (and the diff with --diff). */
function rewriteJson(result, withDiff) {
    return {
        files: result.files
            .filter((f) => f.changed || f.followUps.length > 0)
            .map((f) => ({
            path: f.path,
            changed: f.changed,
            edits: f.edits.map(editJson),
            followUps: f.followUps,
            ...(withDiff ? { diff: unifiedDiffs([f]) } : {})
        })),
        roles: result.roles,
        notes: result.notes
    };
}
/** The follow-ups and notes as text, for people. */
function renderFollowUps(result) {
    const lines = [];
    const ups = result.files.flatMap((f) => f.followUps);
    if (ups.length > 0) {
        lines.push(`Manual follow-ups (${ups.length}):`);
        for (const u of ups)
            lines.push(`  ${u.file}:${u.line}: ${u.reason}`);
    }
    for (const n of result.notes)
        lines.push(`note: ${n}`);
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
/** The text report of `--diff`: the diffs, then what stays manual. */
function renderDiff(result) {
    const diffs = unifiedDiffs(result.files);
    return (diffs || 'No workflow changes.\n') + (diffs ? '\n' : '') + renderFollowUps(result);
}
/** Why `--write` must not run: placeholders would be written into the files. */
function writeBlockers(result) {
    const out = [];
    const placeholders = result.roles.filter((r) => r.placeholder);
    if (placeholders.length > 0) {
        const names = placeholders.map((r) => r.pair.accessKeyId ?? r.pairKey);
        out.push(`no role ARN for ${names.join(', ')}: pass --role-arn ${names[0]}=arn:aws:iam::ACCOUNT:role/NAME (or a bare --role-arn ARN for every key)`);
    }
    if (result.missingRegions.length > 0) {
        const where = result.missingRegions.map((r) => `${r.file}:${r.line}`).join(', ');
        out.push(`no AWS region for the new steps at ${where}: pass --region`);
    }
    return out;
}
/** Rewrites the changed files in place under `root`; returns their paths. */
async function writeRewrites(root, result) {
    const written = [];
    for (const f of result.files.filter((x) => x.changed)) {
        const file = external_node_path_default().join(root, ...f.path.split('/'));
        const current = await external_node_fs_namespaceObject.promises.readFile(file, 'utf8');
        if (current !== f.before) {
            throw new Error(`${f.path} changed on disk while it was being rewritten; run again`);
        }
        await external_node_fs_namespaceObject.promises.writeFile(file, f.after);
        written.push(f.path);
    }
    return written;
}

;// CONCATENATED MODULE: ./src/cli/plan.ts










const EXIT = { ok: 0, error: 1, usage: 2, findings: 3 };
const USAGE = `Usage: aws-keys-to-oidc plan [PATH] [options]

Scans GitHub Actions workflows for long-lived AWS access keys.
PATH is a repository root (its .github/ is scanned), a folder of workflow files, or one file
(default: the current directory).

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of standard output
  --fail-on-findings         exit 3 when static AWS keys are found
  --allow-pull-request-target
                             migrate pull_request_target jobs that check out and run the
                             pull request's head (refused by default: they are manual)
${REWRITE_USAGE}  -h, --help                 show this help
  -v, --version              show the version

--format json prints {"findings", "errors", "files", "roles", "notes"}: the findings (migration
"automatic" exactly where --diff rewrites), the files that could not be parsed, per file the edits
and manual follow-ups, the roles the rewritten workflows assume, and notes (placeholders, offline
assumptions).

Exit status:
  0  success, with or without findings (also when --write leaves manual follow-ups)
  1  a workflow file is not valid YAML (for example a duplicate key, which GitHub also rejects):
     it is listed under errors and on standard error, and every other file is still scanned,
     reported (and rewritten with --write); or the command failed (PATH cannot be read)
  2  bad usage (also --write without a role ARN or region it needs)
  3  findings with --fail-on-findings, when no file has an error
`;
const FORMATS = ['text', 'json', 'sarif'];
/** Bad usage: exit 2 with the message, and the usage text where it helps. */
class UsageError extends Error {
    showUsage;
    constructor(message, showUsage) {
        super(message);
        this.showUsage = showUsage;
        this.name = 'UsageError';
    }
}
/** Runs the command line; returns the exit status. Never throws. */
async function runCli(argv, io) {
    let request;
    try {
        request = parseCommandLine(argv);
    }
    catch (error) {
        io.stderr(`error: ${message(error)}\n${error instanceof UsageError && error.showUsage ? `\n${USAGE}` : ''}`);
        return EXIT.usage;
    }
    if (request === 'help') {
        io.stdout(USAGE);
        return EXIT.ok;
    }
    if (request === 'version') {
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
    }
    try {
        return await runPlan(request, io);
    }
    catch (error) {
        io.stderr(`error: ${message(error)}\n`);
        return EXIT.error;
    }
}
/** The arguments as a checked request; `--help` and `--version` win over everything else. */
function parseCommandLine(argv) {
    const { values, positionals } = readArguments(argv);
    if (values.help)
        return 'help';
    if (values.version)
        return 'version';
    const [command, target = '.', ...rest] = positionals;
    if (command !== 'plan') {
        throw new UsageError(`${command ? `unknown command '${command}'` : 'no command given'}; the command is 'plan'`, true);
    }
    if (rest.length > 0) {
        throw new UsageError(`plan takes one PATH, got ${positionals.length - 1}`, true);
    }
    const format = values.format;
    if (!FORMATS.includes(format)) {
        throw new UsageError(`--format '${values.format}' is not supported; use text, json or sarif`, false);
    }
    const flags = {
        diff: values.diff,
        write: values.write,
        roleArns: values['role-arn'],
        region: values.region
    };
    return {
        target,
        format,
        output: values.output,
        failOnFindings: values['fail-on-findings'],
        allowPullRequestTarget: values['allow-pull-request-target'],
        flags,
        options: checkedRewriteOptions(flags, format)
    };
}
function readArguments(argv) {
    try {
        return (0,external_node_util_namespaceObject.parseArgs)({
            args: [...argv],
            allowPositionals: true,
            options: {
                format: { type: 'string', default: 'text' },
                output: { type: 'string' },
                'fail-on-findings': { type: 'boolean', default: false },
                'allow-pull-request-target': { type: 'boolean', default: false },
                diff: { type: 'boolean', default: false },
                write: { type: 'boolean', default: false },
                'role-arn': { type: 'string', multiple: true, default: [] },
                region: { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false },
                version: { type: 'boolean', short: 'v', default: false }
            }
        });
    }
    catch (error) {
        throw new UsageError(message(error), true);
    }
}
/** The rewrite flags as options; SARIF has no place for a rewrite. */
function checkedRewriteOptions(flags, format) {
    try {
        const options = rewriteOptions(flags);
        if (wantsRewrite(flags) && format === 'sarif')
            throw new Error('--format sarif does not take --diff, --write, --role-arn or --region');
        return options;
    }
    catch (error) {
        throw new UsageError(message(error), false);
    }
}
/** Scans (and with --write rewrites) the target, delivers the report, and sets the exit status. */
async function runPlan(request, io) {
    const { root, files } = await collectWorkflowFiles(request.target);
    // The rewrite always runs: it settles which findings are automatic, even without --diff.
    const { result, rewrite } = planWorkflows(files, request.options, {
        allowPullRequestTarget: request.allowPullRequestTarget
    });
    let written = [];
    if (request.flags.write) {
        const blockers = writeBlockers(rewrite);
        for (const b of blockers)
            io.stderr(`error: --write: ${b}\n`);
        if (blockers.length > 0)
            return EXIT.usage;
        written = await writeRewrites(root, rewrite);
    }
    await deliver(renderReport(request, result, rewrite, written), request.output, io);
    for (const e of result.errors)
        io.stderr(`error: ${e.file}:${e.line}: ${e.message}\n`);
    if (result.errors.length > 0)
        return EXIT.error;
    if (request.failOnFindings && awsKeyFindings(result.findings).length > 0)
        return EXIT.findings;
    return EXIT.ok;
}
/** The report in the asked format; with --diff or --write, the rewrite's own text report. */
function renderReport(request, result, rewrite, written) {
    const { format, flags } = request;
    if (format === 'json') {
        const report = {
            findings: result.findings,
            errors: result.errors,
            ...rewriteJson(rewrite, flags.diff)
        };
        return JSON.stringify(report, null, 2) + '\n';
    }
    if (flags.diff || flags.write) {
        const changes = flags.diff ? renderDiff(rewrite) : renderFollowUps(rewrite);
        const rewrote = `Rewrote ${written.length} file(s)${written.map((p) => `\n  ${p}`).join('')}\n`;
        return changes + (flags.write ? rewrote : '');
    }
    if (format === 'sarif') {
        return JSON.stringify(toSarif(result, { toolVersion: VERSION }), null, 2) + '\n';
    }
    return renderText(result);
}
/** Writes the report to `--output FILE` (making its folder), else to standard output. */
async function deliver(report, output, io) {
    if (output) {
        await external_node_fs_namespaceObject.promises.mkdir(external_node_path_default().dirname(external_node_path_default().resolve(output)), { recursive: true });
        await external_node_fs_namespaceObject.promises.writeFile(output, report);
    }
    else {
        io.stdout(report);
    }
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
__webpack_unused_export__ = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
