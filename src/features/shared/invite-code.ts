import { randomInt } from 'node:crypto';
import { insertInvite, type Db, type InviteInput } from '../../db/index.js';

/** Invite codes stay valid this long. */
export const INVITE_TTL_DAYS = 7;

// No 0/O or 1/I/L: codes are read aloud and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

export function newInviteCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** What a user typed, in the stored form: case and separators do not matter. */
export function cleanInviteCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** A single word of 6-16 letters and digits reads as a code; anything else is not one. */
export function looksLikeInviteCode(input: string): boolean {
  return /^[A-Za-z0-9-]{6,16}$/.test(input.trim());
}

const CODE_ATTEMPTS = 5;

/** Draws codes until one is free and stores it (hashed, by insertInvite); returns the plain code, shown once. */
export async function storeInviteCode(db: Db, input: Omit<InviteInput, 'code'>): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = newInviteCode();
    if (await insertInvite(db, { ...input, code })) return code;
  }
  throw new Error(`No free invite code after ${CODE_ATTEMPTS} attempts`);
}
