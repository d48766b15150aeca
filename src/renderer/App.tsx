// PLACEHOLDER — the UI is being built.
import { useEffect, useState } from 'react';
import { api } from './api';

export function App() {
  const [info, setInfo] = useState('');
  useEffect(() => {
    void api.send('workspace.current', {}).then((r) => setInfo(r.ok ? r.value.path : r.error.message));
  }, []);
  return <main><h1>Data Sanitizer</h1><p>{info}</p></main>;
}
