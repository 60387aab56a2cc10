import { describe, expect, it } from 'vitest';
import { decodeDrawerParam } from '@/utils/page/drawer-param';

const encode = (value: unknown) => btoa(JSON.stringify(value));

describe('decodeDrawerParam', () => {
  it('reads GitLab’s btoa(JSON) drawer parameter', () => {
    expect(decodeDrawerParam(encode({ iid: '12', full_path: 'lens-demo/web-app', id: 1012 }))).toEqual({ projectPath: 'lens-demo/web-app', iid: 12 });
    expect(decodeDrawerParam(encode({ iid: 3, full_path: 'g/sub/p' }))).toEqual({ projectPath: 'g/sub/p', iid: 3 });
  });

  it('gives up on anything else', () => {
    expect(decodeDrawerParam(null)).toBeNull();
    expect(decodeDrawerParam('not base64 !')).toBeNull();
    expect(decodeDrawerParam(btoa('not json'))).toBeNull();
    expect(decodeDrawerParam(encode({ iid: '12' }))).toBeNull();
    expect(decodeDrawerParam(encode({ iid: 'x', full_path: 'g/p' }))).toBeNull();
    expect(decodeDrawerParam(encode({ iid: 0, full_path: 'g/p' }))).toBeNull();
    expect(decodeDrawerParam(encode([1, 2]))).toBeNull();
  });
});
