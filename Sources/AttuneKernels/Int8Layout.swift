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
// |qx · qw| ≤ 127 · 127 = 16,129 fits an Int16. The row-major product (`int8MatrixMultiply`, one dot
// product per output and token) forms 16 products in 16-bit lanes and sums them pairwise into 32-bit
// lanes (x86 `pmaddwd`, AArch64 `smull`/`smlal`, or `sdot` with +dotprod). A row of K ≤ 133,000 cannot
// overflow the int32 sum (K · 16,129 < 2^31).
//
// Panels (`int8PanelMatrixMultiply`, the encoder's layout in the model file): the rows are taken 16 at
// a time and each panel stores its columns in pairs, a pair of 16 rows being 32 bytes that load as one
// vector of 16 Int16 lanes. N is padded to a multiple of 16 and K to a multiple of 2 with zeros.
//
//     panel p (rows 16p … 16p+15), pair j (columns 2j, 2j+1):
//
//        byte  0    1    2    3    …   30     31
//            [ w00  w01  w10  w11  …  wF0   wF1 ]   wrc = w[16p + r, 2j + c]   (r in hex)
//            lane 0    lane 1      …  lane 15
//
//     panel 0: pair 0 | pair 1 | … | pair K/2-1 ;  panel 1: pair 0 | …     (32 · K/2 bytes per panel)
//
// A lane's low byte is a row's weight for column 2j and its high byte for column 2j+1, so two shifts
// give both sign-extended, and one vector multiply-add by x[2j] and x[2j+1] serves 16 outputs at once,
// for four tokens per pass over the weights (the arithmetic is explained beside the kernel).
//
// Everything here is integer arithmetic up to the final float scaling, so results are bit-identical
// on every architecture; cross/check-kernels.sh checks that under qemu-aarch64.
