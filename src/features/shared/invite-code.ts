import { randomInt } from 'node:crypto';

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
