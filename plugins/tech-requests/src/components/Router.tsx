import { Route, Routes } from 'react-router-dom';
import { EditRequestPage, NewRequestPage } from './RequestForm/NewRequestPage';
import { RequestPage } from './RequestPage/RequestPage';
import { RequestsPage } from './RequestsPage/RequestsPage';

/** The plugin's pages under its mount path: the list, the form and one request. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<RequestsPage />} />
      <Route path="/new" element={<NewRequestPage />} />
      <Route path="/:id" element={<RequestPage />} />
      <Route path="/:id/edit" element={<EditRequestPage />} />
    </Routes>
  );
}
