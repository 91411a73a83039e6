import type { ComponentType } from 'react';
import type { Me } from '../contracts/auth.ts';

type Roll = Me['medlemskap'][number]['roll'];

/** Cards that modules add to the home page of a role (e.g. the queue for ombud). One line per card here. */
export const homeWidgets: Array<{ roles: Roll[]; component: ComponentType }> = [];
