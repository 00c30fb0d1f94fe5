// make tsan only (linked into every binary of build-tsan/ by tsan.cmake):
// C11 threads on top of pthreads, so that ThreadSanitizer sees them.
//
// Debian's librdkafka uses glibc's C11 threads (thrd_create, mtx_lock,
// cnd_wait, call_once), which call glibc's pthread functions internally,
// where TSan (GCC 12 and clang 14 alike) has no interceptors. Its threads
// then run with no TSan state, and the first malloc on a broker thread
// (inside getaddrinfo) crashed every producer and consumer; its locks were
// invisible too. These definitions take precedence over glibc's for
// librdkafka and do what glibc does (nptl/thrd_create.c, mtx_*.c, cnd_*.c),
// but through the public, intercepted pthread functions.
#include <errno.h>
#include <pthread.h>
#include <threads.h>

#include <cstdint>

namespace {

// glibc's thrd_err_map.
int C11Result(int pthread_error) {
  switch (pthread_error) {
    case 0:
      return thrd_success;
    case ENOMEM:
      return thrd_nomem;
    case ETIMEDOUT:
      return thrd_timedout;
    case EBUSY:
      return thrd_busy;
    default:
      return thrd_error;
  }
}

struct ThreadStart {
  thrd_start_t function;
  void* argument;
};

void* RunThread(void* start) {
  const ThreadStart copy = *static_cast<ThreadStart*>(start);
  delete static_cast<ThreadStart*>(start);
  return reinterpret_cast<void*>(static_cast<intptr_t>(copy.function(copy.argument)));
}

pthread_mutex_t* Pthread(mtx_t* mutex) { return reinterpret_cast<pthread_mutex_t*>(mutex); }
pthread_cond_t* Pthread(cnd_t* cond) { return reinterpret_cast<pthread_cond_t*>(cond); }

}  // namespace

extern "C" {

int thrd_create(thrd_t* thread, thrd_start_t function, void* argument) {
  auto* start = new ThreadStart{function, argument};
  const int error = pthread_create(thread, nullptr, RunThread, start);
  if (error != 0) delete start;
  return C11Result(error);
}

int thrd_join(thrd_t thread, int* result) {
  void* value = nullptr;
  const int error = pthread_join(thread, &value);
  if (error == 0 && result != nullptr) {
    *result = static_cast<int>(reinterpret_cast<intptr_t>(value));
  }
  return C11Result(error);
}

int thrd_detach(thrd_t thread) { return C11Result(pthread_detach(thread)); }

int mtx_init(mtx_t* mutex, int type) {
  pthread_mutexattr_t attributes;
  pthread_mutexattr_init(&attributes);
  pthread_mutexattr_settype(&attributes, (type & mtx_recursive) != 0 ? PTHREAD_MUTEX_RECURSIVE
                                                                       : PTHREAD_MUTEX_DEFAULT);
  const int error = pthread_mutex_init(Pthread(mutex), &attributes);
  pthread_mutexattr_destroy(&attributes);
  return C11Result(error);
}

int mtx_lock(mtx_t* mutex) { return C11Result(pthread_mutex_lock(Pthread(mutex))); }
int mtx_trylock(mtx_t* mutex) { return C11Result(pthread_mutex_trylock(Pthread(mutex))); }
int mtx_timedlock(mtx_t* __restrict mutex, const struct timespec* __restrict deadline) {
  return C11Result(pthread_mutex_timedlock(Pthread(mutex), deadline));
}
int mtx_unlock(mtx_t* mutex) { return C11Result(pthread_mutex_unlock(Pthread(mutex))); }
void mtx_destroy(mtx_t* mutex) { pthread_mutex_destroy(Pthread(mutex)); }

int cnd_init(cnd_t* cond) { return C11Result(pthread_cond_init(Pthread(cond), nullptr)); }
int cnd_signal(cnd_t* cond) { return C11Result(pthread_cond_signal(Pthread(cond))); }
int cnd_broadcast(cnd_t* cond) { return C11Result(pthread_cond_broadcast(Pthread(cond))); }
int cnd_wait(cnd_t* cond, mtx_t* mutex) {
  return C11Result(pthread_cond_wait(Pthread(cond), Pthread(mutex)));
}
int cnd_timedwait(cnd_t* __restrict cond, mtx_t* __restrict mutex,
                  const struct timespec* __restrict deadline) {
  return C11Result(pthread_cond_timedwait(Pthread(cond), Pthread(mutex), deadline));
}
void cnd_destroy(cnd_t* cond) { pthread_cond_destroy(Pthread(cond)); }

// glibc's once_flag holds a pthread_once_t (an int) as its only member.
void call_once(once_flag* flag, void (*function)(void)) {
  pthread_once(reinterpret_cast<pthread_once_t*>(flag), function);
}

}  // extern "C"
