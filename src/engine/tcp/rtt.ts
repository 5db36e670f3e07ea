/** RTT estimator and RTO (net/ipv4/tcp_input.c, include/net/tcp.h). */
import type { TcpSock } from './sock.ts';

/** tcp_rto_min_us(): 200 ms. */
export const RTO_MIN_US = 200_000;

/** tcp_rtt_estimator(): Van Jacobson's estimator as Linux codes it (srtt ×8, mdev, rttvar ≥ rto_min). */
export function tcpRttEstimator(sk: TcpSock, mrttUs: number): void {
  let m = Math.max(1, Math.round(mrttUs));
  let srtt = sk.srtt8;
  if (srtt !== 0) {
    m -= srtt >> 3;
    srtt += m;
    if (m < 0) {
      m = -m;
      m -= sk.mdevUs >> 2;
      if (m > 0) m >>= 3;
    } else {
      m -= sk.mdevUs >> 2;
    }
    sk.mdevUs += m;
    if (sk.mdevUs > sk.mdevMaxUs) {
      sk.mdevMaxUs = sk.mdevUs;
      if (sk.mdevMaxUs > sk.rttvarUs) sk.rttvarUs = sk.mdevMaxUs;
    }
    if (sk.sndUna > sk.rttSeq) {
      if (sk.mdevMaxUs < sk.rttvarUs) sk.rttvarUs -= (sk.rttvarUs - sk.mdevMaxUs) >> 2;
      sk.rttSeq = sk.sndNxt;
      sk.mdevMaxUs = RTO_MIN_US;
    }
  } else {
    srtt = m << 3;
    sk.mdevUs = m << 1;
    sk.rttvarUs = Math.max(sk.mdevUs, RTO_MIN_US);
    sk.mdevMaxUs = sk.rttvarUs;
    sk.rttSeq = sk.sndNxt;
  }
  sk.srtt8 = Math.max(1, srtt);
}

/** tcp_set_rto() → __tcp_set_rto() + tcp_bound_rto(): rto = srtt + rttvar, in jiffies, ≤ 120 s. */
export function tcpSetRto(sk: TcpSock): void {
  const j = sk.k.jiffies;
  sk.rto = Math.min(j.fromUs((sk.srtt8 >> 3) + sk.rttvarUs), j.rtoMax);
}

/** tcp_ack_update_rtt(): a valid sample updates the estimator and clears the backoff. */
export function tcpAckUpdateRtt(sk: TcpSock, mrttUs: number): void {
  tcpRttEstimator(sk, mrttUs);
  tcpSetRto(sk);
  sk.backoff = 0;
}
