// Element loops that the compiler vectorises for the CPU the library runs on.
//
// A function marked TS_VECTOR_CLONES is compiled three times (AVX-512, AVX2, baseline x86-64) and the
// loader picks one per process. Its loops vectorise when they take __restrict pointers and keep branches
// out of the loop body; -fno-math-errno (CMakeLists.txt) lets sqrt vectorise, and -ffp-contract=off keeps
// each multiply and add rounded on its own, as libtorch's kernels round them.
#pragma once

#define TS_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
