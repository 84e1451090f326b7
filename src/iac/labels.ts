/**
 * Names of the resources in the generated code (pure): Terraform labels (letters, digits, `_`
 * and `-`, not starting with a digit) and CloudFormation logical ids (letters and digits only),
 * made from IAM names. Two IAM names that map to the same label get `_2`, `_3`... in the order
 * given, so the same names always give the same labels.
 */

/** Terraform labels for `names`, in order, each unique. */
export function terraformLabels(names: readonly string[], prefix = ''): string[] {
  return unique(
    names.map((n) => {
      const label = `${prefix}${n}`.replace(/[^A-Za-z0-9_-]/g, '_')
      return /^[A-Za-z_]/.test(label) ? label : `_${label}`
    }),
    '_'
  )
}

/** CloudFormation logical ids `PREFIX` + the name's letters and digits (each word capitalised). */
export function logicalIds(names: readonly string[], prefix: string): string[] {
  return unique(
    names.map((n) => {
      const words = n.split(/[^A-Za-z0-9]+/).filter(Boolean)
      return `${prefix}${words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('')}`.slice(0, 240)
    }),
    ''
  )
}

function unique(labels: readonly string[], separator: string): string[] {
  const seen = new Set<string>()
  return labels.map((label) => {
    let candidate = label
    for (let i = 2; seen.has(candidate); i++) candidate = `${label}${separator}${i}`
    seen.add(candidate)
    return candidate
  })
}
