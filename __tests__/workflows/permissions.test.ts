import { describe, expect, it } from '@jest/globals'
import {
  defaultScopes,
  effectivePermissions,
  expandAll,
  grantsIdToken,
  idTokenChange,
  lostScopes,
  SCOPES,
  scopesOf
} from '../../src/workflows/permissions.js'

describe('expandAll', () => {
  it('writes read-all out as every scope read, without id-token (it only takes write|none)', () => {
    const map = expandAll('read-all')
    expect(map['id-token']).toBeUndefined()
    expect(map.contents).toBe('read')
    expect(map.models).toBe('read')
    expect(Object.keys(map)).toEqual(SCOPES.filter((s) => s !== 'id-token'))
    expect(Object.values(map).every((v) => v === 'read')).toBe(true)
  })

  it('writes write-all out as every scope write, models capped at read', () => {
    const map = expandAll('write-all')
    expect(Object.keys(map)).toEqual([...SCOPES])
    expect(map['id-token']).toBe('write')
    expect(map.models).toBe('read')
    expect(Object.entries(map).filter(([, v]) => v !== 'write')).toEqual([['models', 'read']])
  })
})

describe('defaultScopes', () => {
  it('restricted: contents and packages read', () => {
    expect(defaultScopes('restricted')).toEqual({ contents: 'read', packages: 'read' })
  })
  it('permissive: every scope write, no id-token', () => {
    const map = defaultScopes('permissive')
    expect(map['id-token']).toBeUndefined()
    expect(map.contents).toBe('write')
    expect(map['pull-requests']).toBe('write')
  })
})

describe('effectivePermissions', () => {
  it('takes the job map over the workflow map', () => {
    const e = effectivePermissions(
      { workflow: 'write-all', job: { contents: 'read' } },
      'permissive'
    )
    expect(e.source).toBe('job')
    expect(e.scopes).toEqual({ contents: 'read' })
  })
  it('takes the workflow value when the job has none', () => {
    const e = effectivePermissions({ workflow: 'read-all', job: null }, 'restricted')
    expect(e.source).toBe('workflow')
    expect(e.scopes).toEqual(expandAll('read-all'))
  })
  it('falls back to the repository default', () => {
    const e = effectivePermissions({ workflow: null, job: null }, 'restricted')
    expect(e).toEqual({
      source: 'repository-default',
      value: { contents: 'read', packages: 'read' },
      scopes: { contents: 'read', packages: 'read' }
    })
  })
  it('an empty map means no scope at all', () => {
    expect(effectivePermissions({ workflow: {}, job: null }, 'permissive').scopes).toEqual({})
  })
})

describe('idTokenChange', () => {
  it('changes nothing when the job already has id-token: write (own map, workflow map or write-all)', () => {
    expect(idTokenChange({ workflow: null, job: { 'id-token': 'write' } }, 'restricted')).toEqual({
      kind: 'none'
    })
    expect(
      idTokenChange(
        { workflow: { 'id-token': 'write', contents: 'read' }, job: null },
        'restricted'
      )
    ).toEqual({ kind: 'none' })
    expect(idTokenChange({ workflow: 'write-all', job: null }, 'restricted')).toEqual({
      kind: 'none'
    })
  })

  it('adds the entry to a job map, keeping its order and scopes', () => {
    const change = idTokenChange(
      { workflow: 'write-all', job: { contents: 'write', 'pull-requests': 'write' } },
      'restricted'
    )
    expect(change).toEqual({
      kind: 'set-entry',
      scopes: { contents: 'write', 'pull-requests': 'write', 'id-token': 'write' }
    })
  })

  it('upgrades id-token: none in place', () => {
    const change = idTokenChange(
      { workflow: null, job: { 'id-token': 'none', contents: 'read' } },
      'restricted'
    )
    expect(change.kind).toBe('set-entry')
    if (change.kind === 'set-entry') {
      expect(Object.entries(change.scopes)).toEqual([
        ['id-token', 'write'],
        ['contents', 'read']
      ])
    }
  })

  it('expands a job read-all into the explicit map plus the entry', () => {
    const change = idTokenChange({ workflow: null, job: 'read-all' }, 'restricted')
    expect(change).toEqual({
      kind: 'expand',
      from: 'read-all',
      scopes: { ...expandAll('read-all'), 'id-token': 'write' }
    })
  })

  it('copies a workflow-level map to the job (least privilege: the workflow stays)', () => {
    const change = idTokenChange(
      { workflow: { contents: 'read', 'pull-requests': 'write' }, job: null },
      'permissive'
    )
    expect(change).toEqual({
      kind: 'add-job',
      from: 'workflow',
      scopes: { contents: 'read', 'pull-requests': 'write', 'id-token': 'write' }
    })
  })

  it('copies a workflow-level read-all expanded, and {} as just the entry', () => {
    const fromReadAll = idTokenChange({ workflow: 'read-all', job: null }, 'restricted')
    expect(fromReadAll).toMatchObject({ kind: 'add-job', from: 'workflow' })
    if (fromReadAll.kind === 'add-job') {
      expect(lostScopes(expandAll('read-all'), fromReadAll.scopes)).toEqual([])
    }
    expect(idTokenChange({ workflow: {}, job: null }, 'permissive')).toEqual({
      kind: 'add-job',
      from: 'workflow',
      scopes: { 'id-token': 'write' }
    })
  })

  it('writes the repository default when nothing is written', () => {
    expect(idTokenChange({ workflow: null, job: null }, 'restricted')).toEqual({
      kind: 'add-job',
      from: 'repository-default',
      scopes: { contents: 'read', packages: 'read', 'id-token': 'write' }
    })
    const permissive = idTokenChange({ workflow: null, job: null }, 'permissive')
    expect(permissive.kind).toBe('add-job')
    if (permissive.kind === 'add-job') {
      expect(lostScopes(defaultScopes('permissive'), permissive.scopes)).toEqual([])
      expect(permissive.scopes['id-token']).toBe('write')
    }
  })

  it('never loses a scope, whatever the starting point', () => {
    const values = [
      null,
      'read-all',
      'write-all',
      {},
      { contents: 'write' },
      { 'id-token': 'none', issues: 'write', models: 'read' }
    ] as const
    for (const workflow of values) {
      for (const job of values) {
        for (const d of ['restricted', 'permissive'] as const) {
          const context = { workflow, job }
          const before = effectivePermissions(context, d).scopes
          const change = idTokenChange(context, d)
          const after = change.kind === 'none' ? before : change.scopes
          expect(lostScopes(before, after)).toEqual([])
          expect(after['id-token']).toBe('write')
        }
      }
    }
  })
})

describe('helpers', () => {
  it('grantsIdToken reads maps and the all-values', () => {
    expect(grantsIdToken('write-all')).toBe(true)
    expect(grantsIdToken('read-all')).toBe(false)
    expect(grantsIdToken({ 'id-token': 'read' })).toBe(false)
    expect(grantsIdToken({ 'id-token': 'write' })).toBe(true)
  })
  it('scopesOf returns maps as they are', () => {
    const map = { contents: 'read' }
    expect(scopesOf(map)).toBe(map)
  })
  it('lostScopes compares levels', () => {
    expect(lostScopes({ a: 'write', b: 'read' }, { a: 'read', b: 'write' })).toEqual(['a'])
    expect(lostScopes({ a: 'read' }, {})).toEqual(['a'])
  })
})
