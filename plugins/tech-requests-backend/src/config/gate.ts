import { Config } from '@backstage/config';
import {
  GATE_MODES,
  GateMode,
  normalizeEntityRef,
} from '@tech-requests/plugin-tech-requests-common';

/** Entities of a kind (and, when given, of these `spec.type`s) that must be covered. */
export interface CoveredEntities {
  kind: string;
  types?: string[];
}

/** `techRequests.gate`: what the delivery gate asks of which work. */
export interface GateSettings {
  mode: GateMode;
  covered: CoveredEntities[];
  /** Entities of these systems, or owned by these groups, need no request. Full refs. */
  exempt: { systems: string[]; owners: string[] };
  /** The portal's address (`app.baseUrl`), for links a developer can open. */
  appBaseUrl: string;
}

/** By default every component must be covered: what teams build and deploy. */
const DEFAULT_COVERED: CoveredEntities[] = [{ kind: 'Component' }];

function refsAt(
  config: Config | undefined,
  key: string,
  kind: string,
): string[] {
  return (config?.getOptionalStringArray(key) ?? []).map(ref => {
    const normalized = normalizeEntityRef(
      ref.includes(':') ? ref : `${kind}:${ref}`,
      kind,
    );
    if (!normalized) {
      throw new Error(
        `techRequests.gate.exempt.${key} must hold ${kind} entity refs, got '${ref}'`,
      );
    }
    return normalized;
  });
}

/** Reads `techRequests.gate`, refusing at start-up what cannot be meant. */
export function gateSettingsFromConfig(config: Config): GateSettings {
  const gate = config.getOptionalConfig('techRequests.gate');
  const mode = gate?.getOptionalString('mode') ?? 'enforce';
  if (!(GATE_MODES as readonly string[]).includes(mode)) {
    throw new Error(
      `techRequests.gate.mode must be one of ${GATE_MODES.join(', ')}, got '${mode}'`,
    );
  }
  const covered = gate?.has('covered')
    ? gate.getConfigArray('covered').map(entry => ({
        kind: entry.getString('kind'),
        types: entry.getOptionalStringArray('types'),
      }))
    : DEFAULT_COVERED;
  const exempt = gate?.getOptionalConfig('exempt');
  return {
    mode: mode as GateMode,
    covered,
    exempt: {
      systems: refsAt(exempt, 'systems', 'system'),
      owners: refsAt(exempt, 'owners', 'group'),
    },
    appBaseUrl: (
      config.getOptionalString('app.baseUrl') ?? 'http://localhost:3000'
    ).replace(/\/$/, ''),
  };
}
