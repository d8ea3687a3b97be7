// Pages follow live data only while they are on screen; stores outlive pages, so the page owns the stop.
import { onBeforeUnmount, onMounted } from 'vue'

/** Calls `start` with the signed-in user's tenant once mounted, and the function it returns before unmount. */
export function useFollowWhileMounted(start: (tenantId: number) => () => void): void {
  const { me } = useCurrentUser()
  let stop = () => {}
  onMounted(() => {
    if (me.value) stop = start(me.value.user.tenantId)
  })
  onBeforeUnmount(() => stop())
}
