// The demo pool's custom-auth triggers: one question, "What is 6 × 7?", answer 42, three tries.
import type { TriggerEvent } from './config.ts';

interface HistoryEntry {
  challengeName?: unknown;
  challengeResult?: unknown;
}

function history(event: TriggerEvent): HistoryEntry[] {
  const session = event.request.session;
  return Array.isArray(session) ? session.filter((e): e is HistoryEntry => typeof e === 'object' && e !== null) : [];
}

export function defineAuthChallenge(event: TriggerEvent): TriggerEvent {
  const done = history(event);
  const last = done.at(-1);
  const customTries = done.filter((e) => e.challengeName === 'CUSTOM_CHALLENGE').length;
  if (last?.challengeName === 'SRP_A') {
    event.response = {
      challengeName: 'PASSWORD_VERIFIER',
      issueTokens: false,
      failAuthentication: false,
    };
  } else if (last?.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult === true) {
    event.response = { issueTokens: true, failAuthentication: false };
  } else if (customTries >= 3 || (last?.challengeResult === false && last.challengeName !== 'CUSTOM_CHALLENGE')) {
    event.response = { issueTokens: false, failAuthentication: true };
  } else {
    event.response = {
      challengeName: 'CUSTOM_CHALLENGE',
      issueTokens: false,
      failAuthentication: false,
    };
  }
  return event;
}

export function createAuthChallenge(event: TriggerEvent): TriggerEvent {
  event.response = {
    publicChallengeParameters: { question: 'What is 6 × 7?' },
    privateChallengeParameters: { answer: '42' },
    challengeMetadata: 'SIX_TIMES_SEVEN',
  };
  return event;
}

export function verifyAuthChallengeResponse(event: TriggerEvent): TriggerEvent {
  const expected = event.request.privateChallengeParameters;
  const answer =
    typeof expected === 'object' && expected !== null && 'answer' in expected ? expected.answer : undefined;
  event.response = {
    answerCorrect: typeof answer === 'string' && event.request.challengeAnswer === answer,
  };
  return event;
}
