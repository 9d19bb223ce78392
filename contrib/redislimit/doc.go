// Package redislimit shares one rate-limit budget among many workers,
// processes or machines, through Redis: a [favorites.Limiter] on
// go-redis/redis_rate's GCRA, keyed by a service's host and a digest of
// the account.
//
// Each worker gives every client of one account the [Limiter] of that
// account's key, with the provider's limit ([ProviderLimit]) or one of
// its own ([WithLimit]):
//
//   - the workers together keep the limit, as one client would;
//   - the server's word, read by any worker (X-RateLimit-Remaining: 0 until
//     the reset, or a 429 with Retry-After), holds back every worker on the
//     key until then: the client hands it to the limiter through
//     [favorites.RateObserver];
//   - a wait never runs past the context's deadline: one that would is
//     refused at once;
//   - when Redis does not answer within [WithTimeout], each worker paces
//     in process at the same limit, logs that once, and asks Redis again
//     every [WithProbeInterval] until it answers. No request goes unpaced.
//
// It is a module of its own, so the SDK gains no dependency on Redis.
package redislimit
