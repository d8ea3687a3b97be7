import { describe, expect, it } from 'vitest'
import type { CommandPayload, CommandStatus } from '#shared/events'
import { commandBody, commandKindLabel, commandParamsText, isFinal, mergeCommand } from '../../../../../app/utils/zones/zone-commands'
import { translator } from '../../../../support/translators'

const en = translator('en')

const command = (id: number, status: CommandStatus): CommandPayload => ({
  id, tenantId: 1, zoneId: 1, deviceId: null, kind: 'irrigate', params: {}, status, error: null, createdBy: 1, createdAt: '', updatedAt: '',
})

describe('zone commands', () => {
  it('builds the body the server accepts, for the zone or one node', () => {
    expect(commandBody('irrigate', { seconds: 30 }, null, en)).toEqual({ body: { kind: 'irrigate', params: { seconds: 30 } } })
    expect(commandBody('reboot', {}, 4, en)).toEqual({ body: { kind: 'reboot', params: {}, deviceId: 4 } })
  })

  it('names the param that is missing or out of range', () => {
    expect(commandBody('vent', { percent: 140 }, null, en)).toEqual({ problem: 'Opening (%) must be a number from 0 to 100' })
    expect(commandBody('irrigate', { seconds: null }, null, en)).toHaveProperty('problem')
    expect(commandBody('launch', {}, null, en)).toEqual({ problem: 'Unknown command "launch"' })
    expect(commandBody('lights', { percent: -1 }, null, translator('ru'))).toEqual({ problem: 'Уровень (%): нужно число от 0 до 100' })
    expect(commandBody('launch', {}, null, translator('pl'))).toEqual({ problem: 'Nieznane polecenie „launch”' })
  })

  it('names the commands the form offers and their params in the reader\'s language, others as sent', () => {
    expect(commandKindLabel('dose', en)).toBe('Dose nutrients')
    expect(commandKindLabel('irrigate', translator('ru'))).toBe('Полив')
    expect(commandKindLabel('launch', translator('pl'))).toBe('launch')
    expect(commandParamsText({ seconds: 30, speed: 2 }, en)).toBe('seconds 30, speed 2')
    expect(commandParamsText({ ml: 50 }, translator('ru'))).toBe('50 мл')
  })

  it('keeps the list newest first and bounded', () => {
    let list: CommandPayload[] = []
    for (const id of [3, 1, 2, 4]) list = mergeCommand(list, command(id, 'queued'), 3)
    expect(list.map(item => item.id)).toEqual([4, 3, 2])
  })

  it('moves a command forward but never back, and a final status stays', () => {
    let list = [command(1, 'sent')]
    expect(mergeCommand(list, command(1, 'queued'), 10)).toBe(list)
    list = mergeCommand(list, command(1, 'acknowledged'), 10)
    list = mergeCommand(list, command(1, 'failed'), 10)
    expect(list[0]!.status).toBe('failed')
    expect(mergeCommand(list, command(1, 'timed_out'), 10)).toBe(list)
    expect(isFinal('timed_out')).toBe(true)
    expect(isFinal('acknowledged')).toBe(false)
  })
})
