// Every page but the login page needs a signed-in user.
export default defineNuxtRouteMiddleware(async (to) => {
  if (to.path === '/login') return
  const { me, load } = useCurrentUser()
  if (me.value || await load()) return
  return navigateTo({ path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } })
})
