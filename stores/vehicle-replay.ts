// Route replay of one vehicle: a day's (or range's) track and stops, and a replay clock moving along it.
import { defineStore } from 'pinia'
import type { Stop } from '#shared/trips'
import type { ReplayPoint } from '~/utils/map/replay-clock'
import { advance, indexAt } from '~/utils/map/replay-clock'
import { failureMessage } from '~/utils/failure-message'
import { dayRange } from '~/utils/summaries/report-range'

export const useVehicleReplayStore = defineStore('vehicle-replay', () => {
  // Captured now: the i18n instance is out of reach after an await.
  const { t } = useNuxtApp().$i18n
  const vehicleId = ref<number | null>(null)
  const points = shallowRef<ReplayPoint[]>([])
  const stops = shallowRef<Stop[]>([])
  const range = ref<{ from: string, to: string } | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** Replay time, ms since the epoch. */
  const at = ref(0)
  const playing = ref(false)
  const speed = ref(10)
  const times = computed(() => points.value.map(point => Date.parse(point.recordedAt)))
  const index = computed(() => indexAt(times.value, at.value))
  const current = computed(() => points.value[index.value] ?? null)
  const start = computed(() => times.value[0] ?? 0)
  const end = computed(() => times.value.at(-1) ?? 0)
  let frame = 0
  let lastFrame = 0

  /** Loads the vehicle's track and stops of the local days `firstDay`..`lastDay` (YYYY-MM-DD) and rewinds. */
  async function load(id: number, firstDay: string, lastDay: string): Promise<void> {
    pause()
    vehicleId.value = id
    loading.value = true
    const wanted = dayRange(firstDay, lastDay)
    const query = new URLSearchParams(wanted)
    try {
      const [track, found] = await Promise.all([
        $fetch<{ data: { points: ReplayPoint[] } }>(`/api/vehicles/${id}/track?${query}`),
        $fetch<{ data: Stop[] }>(`/api/vehicles/${id}/stops?${query}`),
      ])
      if (vehicleId.value !== id) return
      points.value = track.data.points
      stops.value = found.data
      range.value = wanted
      at.value = start.value
      error.value = null
    }
    catch (failure) {
      error.value = failureMessage(failure, t('replay.loadError'))
    }
    loading.value = false
  }

  function tick(now: number): void {
    at.value = advance(at.value, now - lastFrame, speed.value, end.value)
    lastFrame = now
    if (at.value >= end.value) playing.value = false
    else frame = requestAnimationFrame(tick)
  }

  /** Plays from the current time (from the start again when at the end). */
  function play(): void {
    if (points.value.length < 2) return
    if (at.value >= end.value) at.value = start.value
    playing.value = true
    lastFrame = performance.now()
    frame = requestAnimationFrame(tick)
  }

  function pause(): void {
    playing.value = false
    cancelAnimationFrame(frame)
  }

  /** Moves to the next (1) or previous (-1) recorded point. */
  function step(direction: 1 | -1): void {
    pause()
    const target = Math.min(points.value.length - 1, Math.max(0, index.value + direction))
    at.value = times.value[target] ?? at.value
  }

  /** Ends the replay and forgets its track. */
  function close(): void {
    pause()
    vehicleId.value = null
    points.value = []
    stops.value = []
    range.value = null
    error.value = null
  }

  return { vehicleId, points, stops, range, loading, error, at, playing, speed, index, current, start, end, load, play, pause, step, close }
})
