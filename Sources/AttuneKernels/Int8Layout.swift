// The int8 formats of Attune's kernels, in one place (ggml style: the layout next to the code).
//
// Weights: int8, symmetric, one scale per output channel (row). Row n of an N×K weight matrix holds
// the K input weights of output n, contiguous; its scale is max|w[n, :]| / 127, so every row uses the
// full [-127, 127] range and -128 never occurs.
//
//        k →  0    1    2   …  K-1           scale
//     n=0   [ q00  q01  q02 … q0,K-1 ]        s_w[0]     w[0, k] ≈ s_w[0] · q0k
//     n=1   [ q10  q11  q12 … q1,K-1 ]        s_w[1]
//      …
//     N-1   [ …                        ]      s_w[N-1]
//
// Activations: int8, symmetric, one scale per token (row), computed at run time from that token's
// values: s_x[t] = max|x[t, :]| / 127, q = round(x / s_x) (ties away from zero).
//
//     t=0   [ x00 … x0,K-1 ]  s_x[0]
//      …
//
// A product accumulates in int32 and is scaled once:
//
//     y[t, n] = s_x[t] · s_w[n] · Σ_k qx[t, k] · qw[n, k]  (+ bias[n], in float)
//
// |qx · qw| ≤ 127 · 127 = 16,129 fits an Int16, so 16 products are formed in 16-bit lanes and summed
// pairwise into 32-bit lanes (x86 `pmaddwd`, AArch64 `smull`/`smlal`, or `sdot` with +dotprod). A row
// of K ≤ 133,000 cannot overflow the int32 sum (K · 16,129 < 2^31).
//
// Everything here is integer arithmetic up to the final float scaling, so results are bit-identical
// on every architecture; cross/check-kernels.sh checks that under qemu-aarch64.
