import { describe, expect, it } from 'vitest';
import { parseCaseId, parseCommand, previousWindow, resolveWindow } from './parse-command.js';

describe('parseCommand', () => {
  it('reads the default, windows, metrics and filters', () => {
    expect(parseCommand('')).toEqual({ kind: 'kpis', window: { kind: 'days', days: 7 }, filters: {} });
    expect(parseCommand('  30d  group:Tier2 channel:email ')).toEqual({
      kind: 'kpis',
      window: { kind: 'days', days: 30 },
      filters: { group: 'Tier2', channel: 'email' },
    });
    const fcr = parseCommand('fcr yesterday');
    expect(fcr).toMatchObject({
      kind: 'metric',
      metric: { id: 'first_contact_resolution' },
      window: { kind: 'yesterday' },
    });
    expect(parseCommand('quarter')).toMatchObject({ window: { kind: 'quarter' } });
    expect(parseCommand('2026-10-01..2026-10-31')).toMatchObject({
      window: { kind: 'range', from: '2026-10-01', to: '2026-10-31' },
    });
    expect(parseCommand('time_to_resolution')).toMatchObject({
      kind: 'metric',
      metric: { id: 'time_to_resolution' },
    });
  });

  it('reads bugs, swarm, subscribe, unsubscribe and help', () => {
    expect(parseCommand('bugs')).toEqual({ kind: 'bugs', sort: 'cases' });
    expect(parseCommand('bugs revenue')).toEqual({ kind: 'bugs', sort: 'revenue' });
    expect(parseCommand('swarm #1234')).toEqual({ kind: 'swarm', caseId: '1234' });
    expect(parseCommand('swarm https://acme.zendesk.com/agent/tickets/77')).toEqual({
      kind: 'swarm',
      caseId: '77',
    });
    expect(parseCommand('subscribe <#C0123|support> 9:30 Europe/Berlin')).toEqual({
      kind: 'subscribe',
      channelId: 'C0123',
      time: '09:30',
      timeZone: 'Europe/Berlin',
    });
    expect(parseCommand('subscribe')).toEqual({
      kind: 'subscribe',
      channelId: null,
      time: '09:00',
      timeZone: null,
    });
    expect(parseCommand('unsubscribe <#C0123>')).toEqual({ kind: 'unsubscribe', channelId: 'C0123' });
    expect(parseCommand('help')).toEqual({ kind: 'help' });
  });

  it('turns what it cannot read into a usage answer with the reason, never a throw', () => {
    const cases: [string, RegExp][] = [
      ['frobnicate', /don't know “frobnicate”/],
      ['400d', /1d to 366d/],
      ['2026-02-30..2026-03-01', /not a range of real dates/],
      ['2026-10-31..2026-10-01', /ends before it starts/],
      ['7d 30d', /one window/],
      ['bugs loudest', /cases, customers or revenue/],
      ['swarm', /name the case/],
      ['subscribe #general', /pick #general from Slack/],
      ['subscribe 25:00', /not a time/],
      ['subscribe <#C1> 09:00 Mars/Olympus', /not a time zone/],
    ];
    for (const [text, problem] of cases) {
      const cmd = parseCommand(text);
      expect(cmd.kind, text).toBe('usage');
      expect(cmd.kind === 'usage' && cmd.problem, text).toMatch(problem);
    }
  });
});

describe('windows', () => {
  it('resolves against today (UTC days, both ends inclusive) and finds the period before', () => {
    expect(resolveWindow({ kind: 'days', days: 7 }, '2026-11-23')).toEqual({
      from: '2026-11-17',
      to: '2026-11-23',
      label: 'last 7 days',
    });
    expect(resolveWindow({ kind: 'quarter' }, '2026-11-23')).toMatchObject({
      from: '2026-10-01',
      to: '2026-11-23',
    });
    expect(resolveWindow({ kind: 'quarter' }, '2026-03-31')).toMatchObject({ from: '2026-01-01' });
    expect(resolveWindow({ kind: 'yesterday' }, '2026-03-01')).toMatchObject({
      from: '2026-02-28',
      to: '2026-02-28',
    });
    expect(previousWindow({ from: '2026-11-17', to: '2026-11-23', label: '' })).toMatchObject({
      from: '2026-11-10',
      to: '2026-11-16',
    });
  });

  it('reads case ids as people type them', () => {
    expect(parseCaseId('#42')).toBe('42');
    expect(parseCaseId('https://acme.zendesk.com/agent/tickets/42')).toBe('42');
    expect(parseCaseId('<script>')).toBeNull();
    expect(parseCaseId(undefined)).toBeNull();
  });
});
