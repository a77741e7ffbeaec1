import type { Staff } from '../domain/model';
import type { PersonRef } from './cells';

/** Stored staff by email and by Entra object id (both compared in lower case), for resolving people in a file. */
export class PeopleIndex<S extends Pick<Staff, 'id' | 'email' | 'aadObjectId' | 'name'> = Staff> {
  private readonly byEmail = new Map<string, S>();
  private readonly byOid = new Map<string, S>();

  constructor(people: Iterable<S>) {
    for (const p of people) {
      this.byEmail.set(p.email.toLowerCase(), p);
      if (p.aadObjectId) this.byOid.set(p.aadObjectId.toLowerCase(), p);
    }
  }

  find(ref: PersonRef): S | undefined {
    return ref.by === 'email' ? this.byEmail.get(ref.value) : this.byOid.get(ref.value);
  }

  email(email: string): S | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  oid(oid: string): S | undefined {
    return this.byOid.get(oid.toLowerCase());
  }
}

/** "the email a@b" / "the Entra object id …", for reasons. */
export function describeRef(ref: PersonRef): string {
  return ref.by === 'email' ? `the email ${ref.value}` : `the Entra object id ${ref.value}`;
}
