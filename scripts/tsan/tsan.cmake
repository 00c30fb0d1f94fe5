# make tsan (scripts/sanitize.sh --thread) passes this file as
# CMAKE_PROJECT_warta_INCLUDE: it runs right after project(warta) and links
# two shims into every executable and library defined after it, i.e. all of
# Warta's, so that TSan sees the synchronisation of the uninstrumented
# libraries we use: absl::Mutex and absl::CondVar (absl_mutex_annotations.cc)
# and glibc's C11 threads, which librdkafka uses (c11_threads.cc). Each file
# says why.
add_library(warta_tsan_shims OBJECT
  ${CMAKE_CURRENT_LIST_DIR}/absl_mutex_annotations.cc
  ${CMAKE_CURRENT_LIST_DIR}/c11_threads.cc
)
target_compile_features(warta_tsan_shims PRIVATE cxx_std_17)
link_libraries(warta_tsan_shims ${CMAKE_DL_LIBS})
