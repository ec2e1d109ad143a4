import { api } from '../../lib/api.ts';

export interface UnitGroup {
  id: string;
  name: string;
  /** kinds | list | per_use */
  membership: string;
  memberKinds: string[];
  memberIds: string[];
  aliases: string[];
  description: string | null;
}

export interface GroupList {
  /** Membership code → Chinese label. */
  memberships: Record<string, string>;
  items: UnitGroup[];
}

export interface GroupInput {
  name: string;
  membership: string;
  memberKinds: string[];
  memberIds: string[];
  aliases: string[];
  description: string | null;
}

export const listGroups = () => api.get<GroupList>('/api/unit-groups');
export const createGroup = (input: GroupInput) => api.post<UnitGroup>('/api/unit-groups', input);
export const updateGroup = (id: string, input: GroupInput) => api.put<UnitGroup>(`/api/unit-groups/${id}`, input);
