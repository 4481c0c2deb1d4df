;; CSR products over one linear memory (wasm32, SIMD), the same loops and the same order of
;; floating-point operations as range-kernels.ts, so both give bit-identical results.
;; Every pointer is a byte offset into the imported memory; the arrays are those of a CsrMatrix
;; (rowPtr i32, colIdx i32, values f64) and the vectors f64, k-vector blocks interleaved. The memory
;; is shared, so that worker threads can run the same kernels over other rows (wasm-worker.ts).
;; Assembled into csr-kernels-wasm.ts by the build (scripts/build-wasm.mjs).
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; out[i] = row i · x for i in [lo, hi); four sums per row (s0 + s1 + (s2 + s3)).
  (func (export "gather")
    (param $rp i32) (param $ci i32) (param $va i32) (param $x i32) (param $out i32)
    (param $lo i32) (param $hi i32)
    (local $i i32) (local $pc i32) (local $pv i32) (local $pe i32)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64)
    (local.set $i (local.get $lo))
    (local.set $pc (i32.add (local.get $ci)
      (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $lo) (i32.const 2)))) (i32.const 2))))
    (local.set $pv (i32.add (local.get $va)
      (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $lo) (i32.const 2)))) (i32.const 3))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $hi)))
        (local.set $pe (i32.add (local.get $ci)
          (i32.shl (i32.load offset=4 (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
        (local.set $s0 (f64.const 0))
        (local.set $s1 (f64.const 0))
        (local.set $s2 (f64.const 0))
        (local.set $s3 (f64.const 0))
        (block $quads
          (loop $quad
            (br_if $quads (i32.ge_u (i32.add (local.get $pc) (i32.const 12)) (local.get $pe)))
            (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (local.get $pv))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $pc)) (i32.const 3)))))))
            (local.set $s1 (f64.add (local.get $s1) (f64.mul (f64.load offset=8 (local.get $pv))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load offset=4 (local.get $pc)) (i32.const 3)))))))
            (local.set $s2 (f64.add (local.get $s2) (f64.mul (f64.load offset=16 (local.get $pv))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load offset=8 (local.get $pc)) (i32.const 3)))))))
            (local.set $s3 (f64.add (local.get $s3) (f64.mul (f64.load offset=24 (local.get $pv))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load offset=12 (local.get $pc)) (i32.const 3)))))))
            (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
            (local.set $pv (i32.add (local.get $pv) (i32.const 32)))
            (br $quad)))
        (block $tails
          (loop $tail
            (br_if $tails (i32.ge_u (local.get $pc) (local.get $pe)))
            (local.set $s0 (f64.add (local.get $s0) (f64.mul (f64.load (local.get $pv))
              (f64.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $pc)) (i32.const 3)))))))
            (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
            (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
            (br $tail)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (f64.add (f64.add (local.get $s0) (local.get $s1)) (f64.add (local.get $s2) (local.get $s3))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; out += (rows [lo, hi))ᵀ · x[lo, hi); rows with x[i] = 0 are skipped. out is not cleared.
  (func (export "scatter")
    (param $rp i32) (param $ci i32) (param $va i32) (param $x i32) (param $out i32)
    (param $lo i32) (param $hi i32)
    (local $i i32) (local $pc i32) (local $pv i32) (local $pe i32) (local $o i32)
    (local $xi f64)
    (local.set $i (local.get $lo))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $hi)))
        (local.set $xi (f64.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))
        (if (f64.ne (local.get $xi) (f64.const 0))
          (then
            (local.set $pc (i32.add (local.get $ci)
              (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
            (local.set $pv (i32.add (local.get $va)
              (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))
            (local.set $pe (i32.add (local.get $ci)
              (i32.shl (i32.load offset=4 (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
                (block $quads
              (loop $quad
                (br_if $quads (i32.ge_u (i32.add (local.get $pc) (i32.const 12)) (local.get $pe)))
                (local.set $o (i32.add (local.get $out) (i32.shl (i32.load (local.get $pc)) (i32.const 3))))
                (f64.store (local.get $o) (f64.add (f64.load (local.get $o))
                  (f64.mul (f64.load (local.get $pv)) (local.get $xi))))
                (local.set $o (i32.add (local.get $out) (i32.shl (i32.load offset=4 (local.get $pc)) (i32.const 3))))
                (f64.store (local.get $o) (f64.add (f64.load (local.get $o))
                  (f64.mul (f64.load offset=8 (local.get $pv)) (local.get $xi))))
                (local.set $o (i32.add (local.get $out) (i32.shl (i32.load offset=8 (local.get $pc)) (i32.const 3))))
                (f64.store (local.get $o) (f64.add (f64.load (local.get $o))
                  (f64.mul (f64.load offset=16 (local.get $pv)) (local.get $xi))))
                (local.set $o (i32.add (local.get $out) (i32.shl (i32.load offset=12 (local.get $pc)) (i32.const 3))))
                (f64.store (local.get $o) (f64.add (f64.load (local.get $o))
                  (f64.mul (f64.load offset=24 (local.get $pv)) (local.get $xi))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 32)))
                (br $quad)))
            (block $tails
              (loop $tail
                (br_if $tails (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $o (i32.add (local.get $out) (i32.shl (i32.load (local.get $pc)) (i32.const 3))))
                (f64.store (local.get $o) (f64.add (f64.load (local.get $o))
                  (f64.mul (f64.load (local.get $pv)) (local.get $xi))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $tail)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; Block gather for k interleaved vectors over rows [lo, hi): for 10 ≤ k < 16 the first ten
  ;; vectors in one pass, then groups of 8, 4, 2, 1 vectors, two per SIMD lane pair; each lane sums
  ;; in the order of the scalar loop.
  (func (export "gatherMulti")
    (param $rp i32) (param $ci i32) (param $va i32) (param $x i32) (param $k i32) (param $out i32)
    (param $lo i32) (param $hi i32)
    (local $i i32) (local $kb i32) (local $jb i32) (local $o i32) (local $xj i32)
    (local $pc0 i32) (local $pv0 i32) (local $pe i32) (local $pc i32) (local $pv i32) (local $b i32)
    (local $v v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $s f64)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $i (local.get $lo))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $hi)))
        (local.set $pc0 (i32.add (local.get $ci)
          (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
        (local.set $pv0 (i32.add (local.get $va)
          (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))
        (local.set $pe (i32.add (local.get $ci)
          (i32.shl (i32.load offset=4 (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $kb))))
        (local.set $jb (i32.const 0))
        ;; ten to fifteen vectors: the first ten in one pass (10 is the common number of rows of S)
        (if (i32.and (i32.ge_u (local.get $kb) (i32.const 80)) (i32.lt_u (local.get $kb) (i32.const 128)))
          (then
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $a2 (v128.const f64x2 0 0))
            (local.set $a3 (v128.const f64x2 0 0))
            (local.set $a4 (v128.const f64x2 0 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $x) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load (local.get $b)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $b)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $b)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $b)))))
                (local.set $a4 (f64x2.add (local.get $a4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $b)))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (v128.store (local.get $o) (local.get $a0))
            (v128.store offset=16 (local.get $o) (local.get $a1))
            (v128.store offset=32 (local.get $o) (local.get $a2))
            (v128.store offset=48 (local.get $o) (local.get $a3))
            (v128.store offset=64 (local.get $o) (local.get $a4))
            (local.set $jb (i32.const 80))))
        ;; groups of eight vectors
        (block $g8s
          (loop $g8
            (br_if $g8s (i32.gt_u (i32.add (local.get $jb) (i32.const 64)) (local.get $kb)))
            (local.set $xj (i32.add (local.get $x) (local.get $jb)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $a2 (v128.const f64x2 0 0))
            (local.set $a3 (v128.const f64x2 0 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $xj) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load (local.get $b)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $b)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $b)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $b)))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $b (i32.add (local.get $o) (local.get $jb)))
            (v128.store (local.get $b) (local.get $a0))
            (v128.store offset=16 (local.get $b) (local.get $a1))
            (v128.store offset=32 (local.get $b) (local.get $a2))
            (v128.store offset=48 (local.get $b) (local.get $a3))
            (local.set $jb (i32.add (local.get $jb) (i32.const 64)))
            (br $g8)))
        ;; one group of four
        (if (i32.le_u (i32.add (local.get $jb) (i32.const 32)) (local.get $kb))
          (then
            (local.set $xj (i32.add (local.get $x) (local.get $jb)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $xj) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load (local.get $b)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $b)))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $b (i32.add (local.get $o) (local.get $jb)))
            (v128.store (local.get $b) (local.get $a0))
            (v128.store offset=16 (local.get $b) (local.get $a1))
            (local.set $jb (i32.add (local.get $jb) (i32.const 32)))))
        ;; one group of two
        (if (i32.le_u (i32.add (local.get $jb) (i32.const 16)) (local.get $kb))
          (then
            (local.set $xj (i32.add (local.get $x) (local.get $jb)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (f64x2.splat (f64.load (local.get $pv)))
                  (v128.load (i32.add (local.get $xj) (i32.mul (i32.load (local.get $pc)) (local.get $kb)))))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (v128.store (i32.add (local.get $o) (local.get $jb)) (local.get $a0))
            (local.set $jb (i32.add (local.get $jb) (i32.const 16)))))
        ;; the last vector
        (if (i32.lt_u (local.get $jb) (local.get $kb))
          (then
            (local.set $xj (i32.add (local.get $x) (local.get $jb)))
            (local.set $s (f64.const 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $pv))
                  (f64.load (i32.add (local.get $xj) (i32.mul (i32.load (local.get $pc)) (local.get $kb)))))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (f64.store (i32.add (local.get $o) (local.get $jb)) (local.get $s))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; gatherMulti that adds to the output rows instead of writing them: out[i] += (A x)[i], each
  ;; lane's sum over the row formed first in the order of gatherMulti, then added (a panel's part of
  ;; a product whose columns come in panels, see panel-layout.ts).
  (func (export "gatherMultiAdd")
    (param $rp i32) (param $ci i32) (param $va i32) (param $x i32) (param $k i32) (param $out i32)
    (param $lo i32) (param $hi i32)
    (local $i i32) (local $kb i32) (local $jb i32) (local $o i32) (local $xj i32)
    (local $pc0 i32) (local $pv0 i32) (local $pe i32) (local $pc i32) (local $pv i32) (local $b i32)
    (local $v v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $a4 v128) (local $s f64)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $i (local.get $lo))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $hi)))
        (local.set $pc0 (i32.add (local.get $ci)
          (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
        (local.set $pv0 (i32.add (local.get $va)
          (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))
        (local.set $pe (i32.add (local.get $ci)
          (i32.shl (i32.load offset=4 (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $kb))))
        (local.set $jb (i32.const 0))
        ;; ten to fifteen vectors: the first ten in one pass (10 is the common number of rows of S)
        (if (i32.and (i32.ge_u (local.get $kb) (i32.const 80)) (i32.lt_u (local.get $kb) (i32.const 128)))
          (then
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $a2 (v128.const f64x2 0 0))
            (local.set $a3 (v128.const f64x2 0 0))
            (local.set $a4 (v128.const f64x2 0 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $x) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load (local.get $b)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $b)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $b)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $b)))))
                (local.set $a4 (f64x2.add (local.get $a4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $b)))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (v128.store (local.get $o) (f64x2.add (v128.load (local.get $o)) (local.get $a0)))
            (v128.store offset=16 (local.get $o) (f64x2.add (v128.load offset=16 (local.get $o)) (local.get $a1)))
            (v128.store offset=32 (local.get $o) (f64x2.add (v128.load offset=32 (local.get $o)) (local.get $a2)))
            (v128.store offset=48 (local.get $o) (f64x2.add (v128.load offset=48 (local.get $o)) (local.get $a3)))
            (v128.store offset=64 (local.get $o) (f64x2.add (v128.load offset=64 (local.get $o)) (local.get $a4)))
            (local.set $jb (i32.const 80))))
        ;; groups of eight vectors
        (block $g8s
          (loop $g8
            (br_if $g8s (i32.gt_u (i32.add (local.get $jb) (i32.const 64)) (local.get $kb)))
            (local.set $xj (i32.add (local.get $x) (local.get $jb)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $a2 (v128.const f64x2 0 0))
            (local.set $a3 (v128.const f64x2 0 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $xj) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load (local.get $b)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $b)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $b)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $b)))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $b (i32.add (local.get $o) (local.get $jb)))
            (v128.store (local.get $b) (f64x2.add (v128.load (local.get $b)) (local.get $a0)))
            (v128.store offset=16 (local.get $b) (f64x2.add (v128.load offset=16 (local.get $b)) (local.get $a1)))
            (v128.store offset=32 (local.get $b) (f64x2.add (v128.load offset=32 (local.get $b)) (local.get $a2)))
            (v128.store offset=48 (local.get $b) (f64x2.add (v128.load offset=48 (local.get $b)) (local.get $a3)))
            (local.set $jb (i32.add (local.get $jb) (i32.const 64)))
            (br $g8)))
        ;; one group of four
        (if (i32.le_u (i32.add (local.get $jb) (i32.const 32)) (local.get $kb))
          (then
            (local.set $xj (i32.add (local.get $x) (local.get $jb)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $a1 (v128.const f64x2 0 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $xj) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load (local.get $b)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $b)))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $b (i32.add (local.get $o) (local.get $jb)))
            (v128.store (local.get $b) (f64x2.add (v128.load (local.get $b)) (local.get $a0)))
            (v128.store offset=16 (local.get $b) (f64x2.add (v128.load offset=16 (local.get $b)) (local.get $a1)))
            (local.set $jb (i32.add (local.get $jb) (i32.const 32)))))
        ;; one group of two
        (if (i32.le_u (i32.add (local.get $jb) (i32.const 16)) (local.get $kb))
          (then
            (local.set $xj (i32.add (local.get $x) (local.get $jb)))
            (local.set $a0 (v128.const f64x2 0 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (f64x2.splat (f64.load (local.get $pv)))
                  (v128.load (i32.add (local.get $xj) (i32.mul (i32.load (local.get $pc)) (local.get $kb)))))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $b (i32.add (local.get $o) (local.get $jb)))
            (v128.store (local.get $b) (f64x2.add (v128.load (local.get $b)) (local.get $a0)))
            (local.set $jb (i32.add (local.get $jb) (i32.const 16)))))
        ;; the last vector
        (if (i32.lt_u (local.get $jb) (local.get $kb))
          (then
            (local.set $xj (i32.add (local.get $x) (local.get $jb)))
            (local.set $s (f64.const 0))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $pv))
                  (f64.load (i32.add (local.get $xj) (i32.mul (i32.load (local.get $pc)) (local.get $kb)))))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $b (i32.add (local.get $o) (local.get $jb)))
            (f64.store (local.get $b) (f64.add (f64.load (local.get $b)) (local.get $s)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))


  ;; Block scatter for k interleaved vectors over rows [lo, hi), grouped like gatherMulti; out is
  ;; not cleared.
  (func (export "scatterMulti")
    (param $rp i32) (param $ci i32) (param $va i32) (param $x i32) (param $k i32) (param $out i32)
    (param $lo i32) (param $hi i32)
    (local $i i32) (local $kb i32) (local $jb i32) (local $xr i32) (local $oj i32)
    (local $pc0 i32) (local $pv0 i32) (local $pe i32) (local $pc i32) (local $pv i32) (local $b i32)
    (local $v v128) (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $x4 v128) (local $xs f64)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $i (local.get $lo))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $hi)))
        (local.set $pc0 (i32.add (local.get $ci)
          (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
        (local.set $pv0 (i32.add (local.get $va)
          (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))
        (local.set $pe (i32.add (local.get $ci)
          (i32.shl (i32.load offset=4 (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
        (local.set $xr (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $kb))))
        (local.set $jb (i32.const 0))
        ;; ten to fifteen vectors: the first ten in one pass
        (if (i32.and (i32.ge_u (local.get $kb) (i32.const 80)) (i32.lt_u (local.get $kb) (i32.const 128)))
          (then
            (local.set $x0 (v128.load (local.get $xr)))
            (local.set $x1 (v128.load offset=16 (local.get $xr)))
            (local.set $x2 (v128.load offset=32 (local.get $xr)))
            (local.set $x3 (v128.load offset=48 (local.get $xr)))
            (local.set $x4 (v128.load offset=64 (local.get $xr)))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $out) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (v128.store (local.get $b)
                  (f64x2.add (v128.load (local.get $b)) (f64x2.mul (local.get $v) (local.get $x0))))
                (v128.store offset=16 (local.get $b)
                  (f64x2.add (v128.load offset=16 (local.get $b)) (f64x2.mul (local.get $v) (local.get $x1))))
                (v128.store offset=32 (local.get $b)
                  (f64x2.add (v128.load offset=32 (local.get $b)) (f64x2.mul (local.get $v) (local.get $x2))))
                (v128.store offset=48 (local.get $b)
                  (f64x2.add (v128.load offset=48 (local.get $b)) (f64x2.mul (local.get $v) (local.get $x3))))
                (v128.store offset=64 (local.get $b)
                  (f64x2.add (v128.load offset=64 (local.get $b)) (f64x2.mul (local.get $v) (local.get $x4))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $jb (i32.const 80))))
        (block $g8s
          (loop $g8
            (br_if $g8s (i32.gt_u (i32.add (local.get $jb) (i32.const 64)) (local.get $kb)))
            (local.set $b (i32.add (local.get $xr) (local.get $jb)))
            (local.set $x0 (v128.load (local.get $b)))
            (local.set $x1 (v128.load offset=16 (local.get $b)))
            (local.set $x2 (v128.load offset=32 (local.get $b)))
            (local.set $x3 (v128.load offset=48 (local.get $b)))
            (local.set $oj (i32.add (local.get $out) (local.get $jb)))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $oj) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (v128.store (local.get $b)
                  (f64x2.add (v128.load (local.get $b)) (f64x2.mul (local.get $v) (local.get $x0))))
                (v128.store offset=16 (local.get $b)
                  (f64x2.add (v128.load offset=16 (local.get $b)) (f64x2.mul (local.get $v) (local.get $x1))))
                (v128.store offset=32 (local.get $b)
                  (f64x2.add (v128.load offset=32 (local.get $b)) (f64x2.mul (local.get $v) (local.get $x2))))
                (v128.store offset=48 (local.get $b)
                  (f64x2.add (v128.load offset=48 (local.get $b)) (f64x2.mul (local.get $v) (local.get $x3))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $jb (i32.add (local.get $jb) (i32.const 64)))
            (br $g8)))
        (if (i32.le_u (i32.add (local.get $jb) (i32.const 32)) (local.get $kb))
          (then
            (local.set $b (i32.add (local.get $xr) (local.get $jb)))
            (local.set $x0 (v128.load (local.get $b)))
            (local.set $x1 (v128.load offset=16 (local.get $b)))
            (local.set $oj (i32.add (local.get $out) (local.get $jb)))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $v (f64x2.splat (f64.load (local.get $pv))))
                (local.set $b (i32.add (local.get $oj) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (v128.store (local.get $b)
                  (f64x2.add (v128.load (local.get $b)) (f64x2.mul (local.get $v) (local.get $x0))))
                (v128.store offset=16 (local.get $b)
                  (f64x2.add (v128.load offset=16 (local.get $b)) (f64x2.mul (local.get $v) (local.get $x1))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $jb (i32.add (local.get $jb) (i32.const 32)))))
        (if (i32.le_u (i32.add (local.get $jb) (i32.const 16)) (local.get $kb))
          (then
            (local.set $x0 (v128.load (i32.add (local.get $xr) (local.get $jb))))
            (local.set $oj (i32.add (local.get $out) (local.get $jb)))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $b (i32.add (local.get $oj) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (v128.store (local.get $b) (f64x2.add (v128.load (local.get $b))
                  (f64x2.mul (f64x2.splat (f64.load (local.get $pv))) (local.get $x0))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))
            (local.set $jb (i32.add (local.get $jb) (i32.const 16)))))
        (if (i32.lt_u (local.get $jb) (local.get $kb))
          (then
            (local.set $xs (f64.load (i32.add (local.get $xr) (local.get $jb))))
            (local.set $oj (i32.add (local.get $out) (local.get $jb)))
            (local.set $pc (local.get $pc0))
            (local.set $pv (local.get $pv0))
            (block $ps
              (loop $p
                (br_if $ps (i32.ge_u (local.get $pc) (local.get $pe)))
                (local.set $b (i32.add (local.get $oj) (i32.mul (i32.load (local.get $pc)) (local.get $kb))))
                (f64.store (local.get $b) (f64.add (f64.load (local.get $b))
                  (f64.mul (f64.load (local.get $pv)) (local.get $xs))))
                (local.set $pc (i32.add (local.get $pc) (i32.const 4)))
                (local.set $pv (i32.add (local.get $pv) (i32.const 8)))
                (br $p)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; Far entries of a split matrix (split-layout.ts), stored as coordinates: out[row[p]] +=
  ;; val[p] · x[col[p]] for p in [0, m). The entries come grouped by blocks of columns, so that the
  ;; part of x a block reads stays in cache while the writes to out go forward.
  (func (export "farGather")
    (param $row i32) (param $col i32) (param $val i32) (param $x i32) (param $out i32) (param $m i32)
    (local $pe i32) (local $o i32)
    (local.set $pe (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 2))))
    (block $done
      (loop $entries
        (br_if $done (i32.ge_u (local.get $row) (local.get $pe)))
        (local.set $o (i32.add (local.get $out) (i32.shl (i32.load (local.get $row)) (i32.const 3))))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (f64.mul (f64.load (local.get $val))
          (f64.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $col)) (i32.const 3)))))))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (local.set $col (i32.add (local.get $col) (i32.const 4)))
        (local.set $val (i32.add (local.get $val) (i32.const 8)))
        (br $entries))))

  ;; The transposed product's far entries: out[col[p]] += val[p] · x[row[p]] for p in [0, m).
  (func (export "farScatter")
    (param $row i32) (param $col i32) (param $val i32) (param $x i32) (param $out i32) (param $m i32)
    (local $pe i32) (local $o i32)
    (local.set $pe (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 2))))
    (block $done
      (loop $entries
        (br_if $done (i32.ge_u (local.get $row) (local.get $pe)))
        (local.set $o (i32.add (local.get $out) (i32.shl (i32.load (local.get $col)) (i32.const 3))))
        (f64.store (local.get $o) (f64.add (f64.load (local.get $o)) (f64.mul (f64.load (local.get $val))
          (f64.load (i32.add (local.get $x) (i32.shl (i32.load (local.get $row)) (i32.const 3)))))))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (local.set $col (i32.add (local.get $col) (i32.const 4)))
        (local.set $val (i32.add (local.get $val) (i32.const 8)))
        (br $entries))))

  ;; farGather for k interleaved vectors: out[row[p]·k + j] += val[p] · x[col[p]·k + j], two
  ;; vectors per SIMD step and the odd one last.
  (func (export "farGatherMulti")
    (param $row i32) (param $col i32) (param $val i32) (param $x i32) (param $k i32) (param $out i32)
    (param $m i32)
    (local $pe i32) (local $kb i32) (local $pairs i32) (local $o i32) (local $b i32) (local $jb i32)
    (local $v v128)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $kb) (i32.const -16)))
    (local.set $pe (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 2))))
    (block $done
      (loop $entries
        (br_if $done (i32.ge_u (local.get $row) (local.get $pe)))
        (local.set $o (i32.add (local.get $out) (i32.mul (i32.load (local.get $row)) (local.get $kb))))
        (local.set $b (i32.add (local.get $x) (i32.mul (i32.load (local.get $col)) (local.get $kb))))
        (local.set $v (f64x2.splat (f64.load (local.get $val))))
        (local.set $jb (i32.const 0))
        (block $ps
          (loop $p
            (br_if $ps (i32.ge_u (local.get $jb) (local.get $pairs)))
            (v128.store (i32.add (local.get $o) (local.get $jb))
              (f64x2.add (v128.load (i32.add (local.get $o) (local.get $jb)))
                (f64x2.mul (local.get $v) (v128.load (i32.add (local.get $b) (local.get $jb))))))
            (local.set $jb (i32.add (local.get $jb) (i32.const 16)))
            (br $p)))
        (if (i32.lt_u (local.get $jb) (local.get $kb))
          (then
            (f64.store (i32.add (local.get $o) (local.get $jb))
              (f64.add (f64.load (i32.add (local.get $o) (local.get $jb)))
                (f64.mul (f64.load (local.get $val)) (f64.load (i32.add (local.get $b) (local.get $jb))))))))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (local.set $col (i32.add (local.get $col) (i32.const 4)))
        (local.set $val (i32.add (local.get $val) (i32.const 8)))
        (br $entries))))

  ;; farScatter for k interleaved vectors: out[col[p]·k + j] += val[p] · x[row[p]·k + j].
  (func (export "farScatterMulti")
    (param $row i32) (param $col i32) (param $val i32) (param $x i32) (param $k i32) (param $out i32)
    (param $m i32)
    (local $pe i32) (local $kb i32) (local $pairs i32) (local $o i32) (local $b i32) (local $jb i32)
    (local $v v128)
    (local.set $kb (i32.shl (local.get $k) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $kb) (i32.const -16)))
    (local.set $pe (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 2))))
    (block $done
      (loop $entries
        (br_if $done (i32.ge_u (local.get $row) (local.get $pe)))
        (local.set $o (i32.add (local.get $out) (i32.mul (i32.load (local.get $col)) (local.get $kb))))
        (local.set $b (i32.add (local.get $x) (i32.mul (i32.load (local.get $row)) (local.get $kb))))
        (local.set $v (f64x2.splat (f64.load (local.get $val))))
        (local.set $jb (i32.const 0))
        (block $ps
          (loop $p
            (br_if $ps (i32.ge_u (local.get $jb) (local.get $pairs)))
            (v128.store (i32.add (local.get $o) (local.get $jb))
              (f64x2.add (v128.load (i32.add (local.get $o) (local.get $jb)))
                (f64x2.mul (local.get $v) (v128.load (i32.add (local.get $b) (local.get $jb))))))
            (local.set $jb (i32.add (local.get $jb) (i32.const 16)))
            (br $p)))
        (if (i32.lt_u (local.get $jb) (local.get $kb))
          (then
            (f64.store (i32.add (local.get $o) (local.get $jb))
              (f64.add (f64.load (i32.add (local.get $o) (local.get $jb)))
                (f64.mul (f64.load (local.get $val)) (f64.load (i32.add (local.get $b) (local.get $jb))))))))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (local.set $col (i32.add (local.get $col) (i32.const 4)))
        (local.set $val (i32.add (local.get $val) (i32.const 8)))
        (br $entries))))


  ;; Aᵀ in CSR (trp with cols + 1 entries, tci, tva) of the CSR matrix at rp, ci, va with `rows`
  ;; rows, `cols` columns and rp[0] = 0: the entries of each column in the order of their rows, as
  ;; transpose.ts places them. Counts per column first (in trp[c + 1]), their running sums as the
  ;; next free slot of each column (trp[c]), then the entries row by row; trp[c] ends as the end of
  ;; column c and is shifted one place to give the starts. On the way, A's diagonal into diag (rows
  ;; entries, 0 where a row has none; for a square A) and its flags as valueFlags returns them.
  (func (export "transpose")
    (param $rp i32) (param $ci i32) (param $va i32) (param $rows i32) (param $cols i32)
    (param $trp i32) (param $tci i32) (param $tva i32) (param $diag i32) (result i32)
    (local $q i32) (local $e i32) (local $o i32) (local $i i32) (local $p i32) (local $s i32) (local $t i32)
    (local $c i32) (local $v f64) (local $neg i32) (local $bad i32)
    (memory.fill (local.get $trp) (i32.const 0) (i32.shl (i32.add (local.get $cols) (i32.const 1)) (i32.const 2)))
    (memory.fill (local.get $diag) (i32.const 0) (i32.shl (local.get $rows) (i32.const 3)))
    ;; q and e are byte offsets into ci (4 bytes an entry; twice that into va)
    (local.set $e (i32.shl (i32.load (i32.add (local.get $rp) (i32.shl (local.get $rows) (i32.const 2)))) (i32.const 2)))
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_u (local.get $q) (local.get $e)))
        (local.set $o (i32.add (local.get $trp) (i32.shl (i32.load (i32.add (local.get $ci) (local.get $q))) (i32.const 2))))
        (i32.store offset=4 (local.get $o) (i32.add (i32.load offset=4 (local.get $o)) (i32.const 1)))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $count)))
    (local.set $q (i32.const 0))
    (block $summed
      (loop $sum
        (br_if $summed (i32.ge_u (local.get $q) (local.get $cols)))
        (local.set $o (i32.add (local.get $trp) (i32.shl (local.get $q) (i32.const 2))))
        (local.set $t (i32.load offset=4 (local.get $o)))
        (i32.store (local.get $o) (local.get $s))
        (local.set $s (i32.add (local.get $s) (local.get $t)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $sum)))
    (local.set $q (i32.const 0))
    (block $placed
      (loop $rows
        (br_if $placed (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $e (i32.shl (i32.load offset=4 (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2)))
        (block $row_done
          (loop $entries
            (br_if $row_done (i32.ge_u (local.get $q) (local.get $e)))
            (local.set $c (i32.load (i32.add (local.get $ci) (local.get $q))))
            (local.set $v (f64.load (i32.add (local.get $va) (i32.shl (local.get $q) (i32.const 1)))))
            (local.set $o (i32.add (local.get $trp) (i32.shl (local.get $c) (i32.const 2))))
            (local.set $p (i32.load (local.get $o)))
            (i32.store (local.get $o) (i32.add (local.get $p) (i32.const 1)))
            (i32.store (i32.add (local.get $tci) (i32.shl (local.get $p) (i32.const 2))) (local.get $i))
            (f64.store (i32.add (local.get $tva) (i32.shl (local.get $p) (i32.const 3))) (local.get $v))
            (if (i32.eq (local.get $c) (local.get $i))
              (then (f64.store (i32.add (local.get $diag) (i32.shl (local.get $i) (i32.const 3))) (local.get $v))))
            (local.set $neg (i32.or (local.get $neg) (i32.eqz (f64.ge (local.get $v) (f64.const 0)))))
            (local.set $bad (i32.or (local.get $bad) (f64.ne (f64.sub (local.get $v) (local.get $v)) (f64.const 0))))
            (local.set $q (i32.add (local.get $q) (i32.const 4)))
            (br $entries)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (memory.copy (i32.add (local.get $trp) (i32.const 4)) (local.get $trp) (i32.shl (local.get $cols) (i32.const 2)))
    (i32.store (local.get $trp) (i32.const 0))
    (i32.or (local.get $neg) (i32.shl (local.get $bad) (i32.const 1))))

  ;; The diagonal of rows [lo, hi) of a CSR matrix with sorted column indices, by binary search in
  ;; each row: diag[i] = a_ii, or 0 when row i has no diagonal entry.
  (func (export "diagonal")
    (param $rp i32) (param $ci i32) (param $va i32) (param $lo i32) (param $hi i32) (param $diag i32)
    (local $i i32) (local $a i32) (local $len i32) (local $half i32) (local $d f64)
    (local.set $i (local.get $lo))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $hi)))
        ;; the last entry of row i with column ≤ i, by a binary search without branches (select)
        (local.set $a (i32.load (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $len (i32.sub (i32.load offset=4 (i32.add (local.get $rp) (i32.shl (local.get $i) (i32.const 2)))) (local.get $a)))
        (local.set $d (f64.const 0))
        (if (i32.gt_s (local.get $len) (i32.const 0))
          (then
            (block $found
              (loop $search
                (br_if $found (i32.le_s (local.get $len) (i32.const 1)))
                (local.set $half (i32.shr_u (local.get $len) (i32.const 1)))
                (local.set $a (select (i32.add (local.get $a) (local.get $half)) (local.get $a)
                  (i32.le_s (i32.load (i32.add (local.get $ci) (i32.shl (i32.add (local.get $a) (local.get $half)) (i32.const 2)))) (local.get $i))))
                (local.set $len (i32.sub (local.get $len) (local.get $half)))
                (br $search)))
            (if (i32.eq (i32.load (i32.add (local.get $ci) (i32.shl (local.get $a) (i32.const 2)))) (local.get $i))
              (then (local.set $d (f64.load (i32.add (local.get $va) (i32.shl (local.get $a) (i32.const 3)))))))))
        (f64.store (i32.add (local.get $diag) (i32.shl (local.get $i) (i32.const 3))) (local.get $d))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; 1 if the n bytes at a and at b are the same, else 0 (16 at a time; the last up to 15 one by one).
  (func (export "sameBytes") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (local $end i32) (local $diff v128)
    (local.set $end (i32.add (local.get $a) (i32.and (local.get $n) (i32.const -64))))
    (block $blocks_done
      (loop $blocks
        (br_if $blocks_done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $diff (v128.or
          (v128.or (v128.xor (v128.load (local.get $a)) (v128.load (local.get $b)))
                   (v128.xor (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b))))
          (v128.or (v128.xor (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b)))
                   (v128.xor (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b))))))
        (if (v128.any_true (local.get $diff)) (then (return (i32.const 0))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br $blocks)))
    (local.set $end (i32.add (local.get $end) (i32.and (local.get $n) (i32.const 63))))
    (block $bytes_done
      (loop $bytes
        (br_if $bytes_done (i32.ge_u (local.get $a) (local.get $end)))
        (if (i32.ne (i32.load8_u (local.get $a)) (i32.load8_u (local.get $b))) (then (return (i32.const 0))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $bytes)))
    (i32.const 1))

  ;; Over m values, two per SIMD step: 1 if one is negative or NaN, plus 2 if one is not finite.
  (func (export "valueFlags") (param $val i32) (param $m i32) (result i32)
    (local $end i32) (local $v v128) (local $neg v128) (local $bad v128) (local $zero v128)
    (local $flags i32)
    (local.set $end (i32.add (local.get $val) (i32.shl (i32.and (local.get $m) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $val) (local.get $end)))
        (local.set $v (v128.load (local.get $val)))
        (local.set $neg (v128.or (local.get $neg) (v128.not (f64x2.ge (local.get $v) (local.get $zero)))))
        (local.set $bad (v128.or (local.get $bad) (f64x2.ne (f64x2.sub (local.get $v) (local.get $v)) (local.get $zero))))
        (local.set $val (i32.add (local.get $val) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $m) (i32.const 1))
      (then
        (local.set $v (f64x2.splat (f64.load (local.get $val))))
        (local.set $neg (v128.or (local.get $neg) (v128.not (f64x2.ge (local.get $v) (local.get $zero)))))
        (local.set $bad (v128.or (local.get $bad) (f64x2.ne (f64x2.sub (local.get $v) (local.get $v)) (local.get $zero))))))
    (local.set $flags (v128.any_true (local.get $neg)))
    (i32.or (local.get $flags) (i32.shl (v128.any_true (local.get $bad)) (i32.const 1))))

  ;; Vector kernels of the solvers' BiCGSTAB for one right-hand side over n-vectors in the memory,
  ;; two entries per SIMD step: the operations of block-ops.ts for k = 1 in the same order, fused
  ;; where a pass is followed by a dot product.
  ;; Σ a·b over n entries, even and odd entries summed apart as colDots does for k = 1.
  (func (export "vdot") (param $a i32) (param $b i32)  (param $n i32) (result f64)
    (local $o i32) (local $end i32) (local $acc v128) (local $s f64)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (v128.load (i32.add (local.get $a) (local.get $o))) (v128.load (i32.add (local.get $b) (local.get $o))))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (local.set $s (f64.mul (f64.load (i32.add (local.get $a) (local.get $o))) (f64.load (i32.add (local.get $b) (local.get $o)))))))
    (f64.add (f64.add (f64x2.extract_lane 0 (local.get $acc)) (local.get $s)) (f64x2.extract_lane 1 (local.get $acc))))
  ;; p = r + β p − βω v; ph = D⁻¹ p (bicgDirection for k = 1).
  (func (export "vdirection") (param $p i32) (param $ph i32) (param $r i32) (param $v i32) (param $dinv i32) (param $beta f64) (param $bw f64) (param $n i32)
    (local $o i32) (local $end i32) (local $q v128)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $q (f64x2.sub (f64x2.add (v128.load (i32.add (local.get $r) (local.get $o))) (f64x2.mul (f64x2.splat (local.get $beta)) (v128.load (i32.add (local.get $p) (local.get $o))))) (f64x2.mul (f64x2.splat (local.get $bw)) (v128.load (i32.add (local.get $v) (local.get $o))))))
        (v128.store (i32.add (local.get $p) (local.get $o)) (local.get $q))
        (v128.store (i32.add (local.get $ph) (local.get $o)) (f64x2.mul (v128.load (i32.add (local.get $dinv) (local.get $o))) (local.get $q)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (i32.add (local.get $p) (local.get $o)) (f64.sub (f64.add (f64.load (i32.add (local.get $r) (local.get $o))) (f64.mul (local.get $beta) (f64.load (i32.add (local.get $p) (local.get $o))))) (f64.mul (local.get $bw) (f64.load (i32.add (local.get $v) (local.get $o))))))
        (f64.store (i32.add (local.get $ph) (local.get $o)) (f64.mul (f64.load (i32.add (local.get $dinv) (local.get $o))) (f64.load (i32.add (local.get $p) (local.get $o)))))))
    )
  ;; v = ph − v, then Σ rh·v (oneMinus and colDots for k = 1 in one pass).
  (func (export "vOneMinusDot") (param $ph i32) (param $v i32) (param $rh i32)  (param $n i32) (result f64)
    (local $o i32) (local $end i32) (local $acc v128) (local $w v128) (local $s f64) (local $u f64)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $w (f64x2.sub (v128.load (i32.add (local.get $ph) (local.get $o))) (v128.load (i32.add (local.get $v) (local.get $o)))))
        (v128.store (i32.add (local.get $v) (local.get $o)) (local.get $w))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (v128.load (i32.add (local.get $rh) (local.get $o))) (local.get $w))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (local.set $u (f64.sub (f64.load (i32.add (local.get $ph) (local.get $o))) (f64.load (i32.add (local.get $v) (local.get $o)))))
        (f64.store (i32.add (local.get $v) (local.get $o)) (local.get $u))
        (local.set $s (f64.mul (f64.load (i32.add (local.get $rh) (local.get $o))) (local.get $u)))))
    (f64.add (f64.add (f64x2.extract_lane 0 (local.get $acc)) (local.get $s)) (f64x2.extract_lane 1 (local.get $acc))))
  ;; s = r − α v; sh = D⁻¹ s (bicgHalf for k = 1); returns Σ s·s.
  (func (export "vhalf") (param $s i32) (param $sh i32) (param $r i32) (param $v i32) (param $dinv i32) (param $alpha f64) (param $n i32) (result f64)
    (local $o i32) (local $end i32) (local $q v128) (local $acc v128) (local $u f64)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $q (f64x2.sub (v128.load (i32.add (local.get $r) (local.get $o))) (f64x2.mul (f64x2.splat (local.get $alpha)) (v128.load (i32.add (local.get $v) (local.get $o))))))
        (v128.store (i32.add (local.get $s) (local.get $o)) (local.get $q))
        (v128.store (i32.add (local.get $sh) (local.get $o)) (f64x2.mul (v128.load (i32.add (local.get $dinv) (local.get $o))) (local.get $q)))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $q) (local.get $q))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $u (f64.sub (f64.load (i32.add (local.get $r) (local.get $o))) (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $v) (local.get $o))))))
        (f64.store (i32.add (local.get $s) (local.get $o)) (local.get $u))
        (f64.store (i32.add (local.get $sh) (local.get $o)) (f64.mul (f64.load (i32.add (local.get $dinv) (local.get $o))) (local.get $u)))
        (local.set $u (f64.mul (local.get $u) (local.get $u)))))
    (f64.add (f64.add (f64x2.extract_lane 0 (local.get $acc)) (local.get $u)) (f64x2.extract_lane 1 (local.get $acc))))
  ;; t = sh − t, then Σ t·s and Σ t·t stored at out and out + 8 (oneMinus and two colDots).
  (func (export "vOneMinusDot2") (param $sh i32) (param $t i32) (param $s i32) (param $out i32)  (param $n i32)
    (local $o i32) (local $end i32) (local $a v128) (local $b v128) (local $w v128) (local $u f64) (local $sa f64) (local $sb f64)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $w (f64x2.sub (v128.load (i32.add (local.get $sh) (local.get $o))) (v128.load (i32.add (local.get $t) (local.get $o)))))
        (v128.store (i32.add (local.get $t) (local.get $o)) (local.get $w))
        (local.set $a (f64x2.add (local.get $a) (f64x2.mul (local.get $w) (v128.load (i32.add (local.get $s) (local.get $o))))))
        (local.set $b (f64x2.add (local.get $b) (f64x2.mul (local.get $w) (local.get $w))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (local.set $u (f64.sub (f64.load (i32.add (local.get $sh) (local.get $o))) (f64.load (i32.add (local.get $t) (local.get $o)))))
        (f64.store (i32.add (local.get $t) (local.get $o)) (local.get $u))
        (local.set $sa (f64.mul (local.get $u) (f64.load (i32.add (local.get $s) (local.get $o)))))
        (local.set $sb (f64.mul (local.get $u) (local.get $u)))))
    (f64.store (local.get $out) (f64.add (f64.add (f64x2.extract_lane 0 (local.get $a)) (local.get $sa)) (f64x2.extract_lane 1 (local.get $a))))
    (f64.store offset=8 (local.get $out) (f64.add (f64.add (f64x2.extract_lane 0 (local.get $b)) (local.get $sb)) (f64x2.extract_lane 1 (local.get $b)))))
  ;; x += α ph + ω sh; r = s − ω t; returns Σ r·r (bicgUpdate and colDots for k = 1).
  (func (export "vupdate") (param $x i32) (param $r i32) (param $ph i32) (param $sh i32) (param $s i32) (param $t i32) (param $alpha f64) (param $omega f64) (param $n i32) (result f64)
    (local $o i32) (local $end i32) (local $acc v128) (local $w v128) (local $u f64) (local $z f64)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (v128.store (i32.add (local.get $x) (local.get $o)) (f64x2.add (v128.load (i32.add (local.get $x) (local.get $o))) (f64x2.add (f64x2.mul (f64x2.splat (local.get $alpha)) (v128.load (i32.add (local.get $ph) (local.get $o)))) (f64x2.mul (f64x2.splat (local.get $omega)) (v128.load (i32.add (local.get $sh) (local.get $o)))))))
        (local.set $w (f64x2.sub (v128.load (i32.add (local.get $s) (local.get $o))) (f64x2.mul (f64x2.splat (local.get $omega)) (v128.load (i32.add (local.get $t) (local.get $o))))))
        (v128.store (i32.add (local.get $r) (local.get $o)) (local.get $w))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $w) (local.get $w))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (i32.add (local.get $x) (local.get $o)) (f64.add (f64.load (i32.add (local.get $x) (local.get $o))) (f64.add (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $ph) (local.get $o)))) (f64.mul (local.get $omega) (f64.load (i32.add (local.get $sh) (local.get $o)))))))
        (local.set $u (f64.sub (f64.load (i32.add (local.get $s) (local.get $o))) (f64.mul (local.get $omega) (f64.load (i32.add (local.get $t) (local.get $o))))))
        (f64.store (i32.add (local.get $r) (local.get $o)) (local.get $u))
        (local.set $z (f64.mul (local.get $u) (local.get $u)))))
    (f64.add (f64.add (f64x2.extract_lane 0 (local.get $acc)) (local.get $z)) (f64x2.extract_lane 1 (local.get $acc))))
  ;; out += a over n entries (the sum of a threaded scatter's accumulators, one add per entry).
  (func (export "vadd") (param $out i32) (param $a i32) (param $n i32)
    (local $o i32) (local $end i32)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (v128.store (i32.add (local.get $out) (local.get $o)) (f64x2.add (v128.load (i32.add (local.get $out) (local.get $o))) (v128.load (i32.add (local.get $a) (local.get $o)))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (i32.add (local.get $out) (local.get $o)) (f64.add (f64.load (i32.add (local.get $out) (local.get $o))) (f64.load (i32.add (local.get $a) (local.get $o))))))))
  ;; r = y − x + t over n entries; returns Σ r·r, even and odd entries summed apart (residualInto
  ;; and colDots for k = 1).
  (func (export "vresidual") (param $y i32) (param $x i32) (param $t i32) (param $r i32) (param $n i32) (result f64)
    (local $o i32) (local $end i32) (local $acc v128) (local $w v128) (local $u f64) (local $z f64)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $w (f64x2.add (f64x2.sub (v128.load (i32.add (local.get $y) (local.get $o))) (v128.load (i32.add (local.get $x) (local.get $o)))) (v128.load (i32.add (local.get $t) (local.get $o)))))
        (v128.store (i32.add (local.get $r) (local.get $o)) (local.get $w))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $w) (local.get $w))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (local.set $u (f64.add (f64.sub (f64.load (i32.add (local.get $y) (local.get $o))) (f64.load (i32.add (local.get $x) (local.get $o)))) (f64.load (i32.add (local.get $t) (local.get $o)))))
        (f64.store (i32.add (local.get $r) (local.get $o)) (local.get $u))
        (local.set $z (f64.mul (local.get $u) (local.get $u)))))
    (f64.add (f64.add (f64x2.extract_lane 0 (local.get $acc)) (local.get $z)) (f64x2.extract_lane 1 (local.get $acc))))
  ;; dinv = 1 / (1 − d) for the diagonal d (1 where |1 − d| ≤ 1e-8 or d is NaN), in place if
  ;; dinv = d; returns the largest d, at least 0 (NaN ignored): the solvers' Jacobi scaling.
  (func (export "vjacobi") (param $d i32) (param $dinv i32) (param $n i32) (result f64)
    (local $o i32) (local $end i32) (local $a f64) (local $u f64) (local $max f64)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $entries
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $a (f64.load (i32.add (local.get $d) (local.get $o))))
        (local.set $max (select (local.get $a) (local.get $max) (f64.gt (local.get $a) (local.get $max))))
        (local.set $u (f64.sub (f64.const 1) (local.get $a)))
        (f64.store (i32.add (local.get $dinv) (local.get $o))
          (select (f64.div (f64.const 1) (local.get $u)) (f64.const 1) (f64.gt (f64.abs (local.get $u)) (f64.const 1e-8))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $entries)))
    (local.get $max))
  ;; The least and largest of 0 and n entries (NaN ignored), stored at out and out + 8.
  (func (export "vrange") (param $x i32) (param $n i32) (param $out i32)
    (local $o i32) (local $end i32) (local $lo v128) (local $hi v128) (local $v v128) (local $a f64) (local $b f64)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $pairs_done
      (loop $pairs
        (br_if $pairs_done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $v (v128.load (i32.add (local.get $x) (local.get $o))))
        ;; pmin(lo, v) = v < lo ? v : lo, so a NaN entry leaves lo as it is (and pmax likewise)
        (local.set $lo (f64x2.pmin (local.get $lo) (local.get $v)))
        (local.set $hi (f64x2.pmax (local.get $hi) (local.get $v)))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (local.set $v (f64x2.splat (f64.load (i32.add (local.get $x) (local.get $o)))))
        (local.set $lo (f64x2.pmin (local.get $lo) (local.get $v)))
        (local.set $hi (f64x2.pmax (local.get $hi) (local.get $v)))))
    (local.set $a (f64x2.extract_lane 0 (local.get $lo)))
    (local.set $b (f64x2.extract_lane 1 (local.get $lo)))
    (f64.store (local.get $out) (select (local.get $b) (local.get $a) (f64.lt (local.get $b) (local.get $a))))
    (local.set $a (f64x2.extract_lane 0 (local.get $hi)))
    (local.set $b (f64x2.extract_lane 1 (local.get $hi)))
    (f64.store offset=8 (local.get $out) (select (local.get $b) (local.get $a) (f64.gt (local.get $b) (local.get $a)))))
)
