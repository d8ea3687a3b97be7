// What the rest of the server knows of the running MQTT adapter.

export interface RunningMqtt {
  /** What the start-up log says. */
  description: string
  /** Port of the embedded broker, or null with an external one. */
  port: number | null
  stop: () => Promise<void>
}
