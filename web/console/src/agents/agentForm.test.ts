import { describe, expect, it } from 'vitest';
import { agentToForm, formFieldOf, formToAgent, mapFieldErrors, ringSecondsError } from './agentForm';
import { differences } from './diff';

describe('the API field errors land on their input', () => {
  it('maps JSON paths to the form', () => {
    expect(formFieldOf('agent.systemPrompt')).toBe('systemPrompt');
    expect(formFieldOf('agent.providers.llm[1]')).toBe('providers.llm');
    expect(formFieldOf('agent.businessHours.weekly[0].closes')).toBe('hours.0.closes');
    expect(formFieldOf('agent.businessHours.weekly[2]')).toBe('hours.2.day');
    expect(formFieldOf('agent.businessHours.timeZone')).toBe('timeZone');
    expect(formFieldOf('agent.transfer.ringSeconds')).toBe('ringSeconds');
    expect(formFieldOf('name')).toBe('name');
    expect(formFieldOf('phoneNumbers[0]')).toBe('phoneNumbers[0]');
  });

  it('keeps every error of one stage, saying which entry', () => {
    const errors = mapFieldErrors({
      'agent.providers.llm[1]': 'must be one of [gemini, openai, simulated]',
      'agent.providers.llm[2]': 'is listed twice',
      'agent.greeting': 'is required',
    });
    expect(errors.greeting).toBe('is required');
    expect(errors['providers.llm']).toBe('providers.llm[1] must be one of [gemini, openai, simulated]; providers.llm[2] is listed twice');
  });
});

describe('the form and the API agent', () => {
  const agent = {
    systemPrompt: 'Be brief.', greeting: 'Hello', voice: undefined, transferNumber: '+14155550111',
    providers: { stt: ['simulated'], llm: ['openai', 'simulated'], tts: [] },
    fallbackMessages: { llm: 'One moment.' },
    businessHours: { timeZone: 'Europe/Paris', weekly: [{ day: 'monday', opens: '09:00', closes: '17:00' }] },
  };

  it('round-trips every setting, fallback messages untouched', () => {
    const back = formToAgent(agentToForm(agent));
    expect(back.providers).toEqual(agent.providers);
    expect(back.businessHours).toEqual(agent.businessHours);
    expect(back.fallbackMessages).toEqual({ llm: 'One moment.' });
    expect(back.transferNumber).toBe('+14155550111');
    expect(back.voice).toBeNull();
  });

  it('sends empty inputs as null and no hours as always open', () => {
    const form = agentToForm(agent);
    const back = formToAgent({ ...form, transferNumber: '  ', hours: [], timeZone: '' });
    expect(back.transferNumber).toBeNull();
    expect(back.businessHours).toBeNull();
  });
});

describe('the transfer settings', () => {
  const agent = { systemPrompt: 'Be brief.', greeting: 'Hello', transfer: { ringSeconds: 20, warm: true } };

  it('round-trip', () => {
    const form = agentToForm(agent);
    expect(form.ringSeconds).toBe('20');
    expect(form.warmTransfer).toBe(true);
    expect(formToAgent(form).transfer).toEqual({ ringSeconds: 20, warm: true });
  });

  it('are the platform defaults (null) when no ring time is set and the transfer is cold', () => {
    expect(formToAgent({ ...agentToForm(agent), ringSeconds: ' ', warmTransfer: false }).transfer).toBeNull();
    expect(formToAgent({ ...agentToForm(agent), ringSeconds: '', warmTransfer: true }).transfer)
      .toEqual({ ringSeconds: null, warm: true });
  });

  it('refuse a ring time admin-api would refuse, before sending it', () => {
    for (const ok of ['', '5', '30', '120']) expect(ringSecondsError(ok)).toBeNull();
    for (const wrong of ['4', '121', '2.5', 'ten', '-5']) {
      expect(ringSecondsError(wrong)).toBe('must be a number of seconds from 5 to 120');
    }
  });
});

describe('comparing an edit with the version saved meanwhile', () => {
  it('names exactly the settings that differ', () => {
    const mine = { name: 'A', agent: { greeting: 'Hi', providers: { llm: ['openai', 'gemini'] } } };
    const theirs = { name: 'A', agent: { greeting: 'Hello', providers: { llm: ['gemini', 'openai'] } } };
    expect(differences(mine, theirs)).toEqual([
      { field: 'agent.greeting', mine: 'Hi', theirs: 'Hello' },
      { field: 'agent.providers.llm', mine: 'openai → gemini', theirs: 'gemini → openai' },
    ]);
    expect(differences(mine, mine)).toEqual([]);
  });
});
