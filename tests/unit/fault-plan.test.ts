import { describe, expect, it } from 'vitest';
import {
  BODY_FAULTS, FaultPlan, STATUS_FAULTS, planFault, type FaultKind,
} from '../../electron/core/sample-platform/fault-plan.ts';

const paths = Array.from({ length: 4000 }, (_, index) => `/files/i-${index}/f.bin`);

function faultRate(seed: string, attempt: number): number {
  const faulted = paths.filter((path) => planFault(seed, 'GET', path, attempt) !== null);
  return faulted.length / paths.length;
}

describe('fault plan', () => {
  it('is a pure function of seed, method, path and attempt', () => {
    for (const path of paths.slice(0, 200)) {
      expect(planFault('s', 'GET', path, 1)).toEqual(planFault('s', 'GET', path, 1));
    }
    const differs = paths.some((path) =>
      JSON.stringify(planFault('s', 'GET', path, 1)) !== JSON.stringify(planFault('t', 'GET', path, 1)));
    expect(differs).toBe(true);
  });

  it('faults about 15% of first attempts, 8% of second ones and no later ones', () => {
    expect(faultRate('rate', 1)).toBeGreaterThan(0.12);
    expect(faultRate('rate', 1)).toBeLessThan(0.18);
    expect(faultRate('rate', 2)).toBeGreaterThan(0.06);
    expect(faultRate('rate', 2)).toBeLessThan(0.10);
    expect(faultRate('rate', 3)).toBe(0);
    expect(faultRate('rate', 9)).toBe(0);
  });

  it('draws every kind for files but only body-less kinds for the API', () => {
    const fileKinds = new Set<FaultKind>();
    const apiKinds = new Set<FaultKind>();
    for (const [index, path] of paths.entries()) {
      const fileFault = planFault('kinds', 'GET', path, 1);
      if (fileFault !== null) fileKinds.add(fileFault.kind);
      const apiFault = planFault('kinds', 'GET', `/api/spaces/s-${index}/items`, 1);
      if (apiFault !== null) apiKinds.add(apiFault.kind);
    }
    expect([...fileKinds].sort()).toEqual([...STATUS_FAULTS, ...BODY_FAULTS].sort());
    expect([...apiKinds].sort()).toEqual([...STATUS_FAULTS].sort());
  });

  it('never faults signing in, signing out or the home page', () => {
    for (const seed of Array.from({ length: 300 }, (_, index) => `seed-${index}`)) {
      expect(planFault(seed, 'POST', '/login', 1)).toBeNull();
      expect(planFault(seed, 'GET', '/login', 1)).toBeNull();
      expect(planFault(seed, 'POST', '/logout', 1)).toBeNull();
      expect(planFault(seed, 'GET', '/', 1)).toBeNull();
    }
  });

  it('numbers attempts per method and path', () => {
    const plan = new FaultPlan('count');
    const path = paths.find((candidate) => planFault('count', 'GET', candidate, 1) !== null) ?? '';
    expect(plan.next('GET', path)).toEqual(planFault('count', 'GET', path, 1));
    expect(plan.next('HEAD', path)).toEqual(planFault('count', 'HEAD', path, 1));
    expect(plan.next('GET', path)).toEqual(planFault('count', 'GET', path, 2));
    expect(plan.next('GET', path)).toBeNull();
  });

  it('keeps the body share strictly inside the body', () => {
    for (const path of paths) {
      const fault = planFault('share', 'GET', path, 1);
      if (fault === null) continue;
      expect(fault.share).toBeGreaterThanOrEqual(0.1);
      expect(fault.share).toBeLessThan(0.9);
    }
  });
});
