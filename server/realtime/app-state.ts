// Everything the engine keeps for one app on this node, and the broker that connects it to the rest.
import { AppActivity } from './app-activity'
import type { RealtimeApp } from './app-config'
import type { Broker, BrokerEventHandler, LocalNode } from './broker'
import { ChannelRegistry } from './channel'
import type { Connection } from './connection'
import type { FanoutContext, LocalControl } from './local-delivery'
import { LocalDelivery } from './local-delivery'
import { Revocations } from './revocations'

/** The app's say on a client event: true allows, false refuses, undefined leaves the protocol's rule. */
export type ClientEventRule = (channel: string, roles: ReadonlyArray<string | null>) => boolean | undefined

/** Makes an app's broker: a LocalBroker, or a RedisBroker with REDIS_URL. */
export type BrokerFactory = (app: RealtimeApp, node: LocalNode, handler: BrokerEventHandler) => Broker

export class AppState implements LocalNode {
  readonly connections = new Map<string, Connection>()
  readonly channels = new ChannelRegistry()
  /** Users and credentials whose sockets were closed lately (see `RealtimeEngine.bindSocket`). */
  readonly revocations = new Revocations()
  /**
   * Decides whether a subscribed socket may send client events on a channel, from the roles it
   * was signed for; `undefined` leaves the protocol's rule (private and presence channels) alone.
   */
  clientEventRule: ClientEventRule | null = null
  /** Client events, cache misses and subscription count changes on this node (for webhooks). */
  readonly activity = new AppActivity()
  /** How brokers reach this node's sockets. */
  readonly delivery: LocalDelivery
  readonly broker: Broker

  constructor(readonly app: RealtimeApp, ctx: FanoutContext, control: (state: AppState) => LocalControl, openBroker: BrokerFactory) {
    this.delivery = new LocalDelivery(this, ctx, control(this))
    this.broker = openBroker(app, this, this.delivery)
  }
}
