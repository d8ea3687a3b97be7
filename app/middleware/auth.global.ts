// Every page but the login and setup pages needs a signed-in user; while no user exists, every page
// (the login page too) leads to /setup, and /setup leads away once it is done.
export default defineNuxtRouteMiddleware(async (to) => {
  const setup = useSetupRequired()
  if (to.path === '/setup') return await setup.check() ? undefined : navigateTo('/login')
  if (to.path === '/login') return await setup.check() ? navigateTo('/setup') : undefined
  const { me, load } = useCurrentUser()
  if (me.value || await load()) return
  if (await setup.check()) return navigateTo('/setup')
  return navigateTo({ path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } })
})
